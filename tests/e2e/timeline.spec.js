// Key dates: every dated statement of the article, derived from its text, by year, each linked
// to its passage; a section filter kept in the URL; readable without JavaScript.
import { test, expect, seed, sentences } from "./fixtures.js";

const years = (page) => page.locator(".timeline h2");
/** The statements shown: the filter hides the others. */
const entries = (page) => page.locator(".key-dates > li:visible");

test("every sentence of the article that names a year is on the timeline, years in order", async ({ page }) => {
  await page.goto("/timeline");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Key dates");
  const shown = await years(page).allInnerTexts();
  expect(shown.map(Number)).toEqual([...shown.map(Number)].sort((a, b) => a - b));
  const text = await page.locator("main").innerText();
  // The first line is the page's "Updated" date, not the article's.
  const dated = seed.articleLines.slice(1).flatMap(sentences).filter((sentence) => /\b(19|20)\d\d\b/.test(sentence));
  expect(dated.length).toBeGreaterThan(5);
  for (const sentence of dated) expect(text).toContain(sentence);
  await expect(page.locator(".timeline [role=status]")).toHaveText(`${await entries(page).count()} dated statements`);
});

test("inside a year, the more precise dates are in order; a span of years is one entry", async ({ page }) => {
  await page.goto("/timeline");
  const dates = await page.locator(".key-dates time").allInnerTexts();
  expect(dates.indexOf("19 August 2008")).toBeLessThan(dates.indexOf("27 August 2008"));
  expect(dates.indexOf("2020")).toBeLessThan(dates.indexOf("December 2020"));
  expect(dates).toContain("Spring 2025");
  expect(dates.filter((date) => date === "2015–2024")).toHaveLength(1);
  await expect(page.locator("time", { hasText: "19 August 2008" })).toHaveAttribute("datetime", "2008-08-19");
});

test("each entry links to its passage", async ({ page }) => {
  await page.goto("/timeline");
  const entry = entries(page).filter({ hasText: "19 August 2008" });
  const link = entry.getByRole("link");
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/sections\/[a-z-]+#[a-z0-9-]+$/);
  await link.click();
  await expect(page).toHaveURL(href);
  await expect(page.locator(`[id="${href.split("#")[1]}"]`)).toBeInViewport();
});

test("the section filter is kept in the URL", async ({ page }) => {
  await page.goto("/timeline");
  const all = await entries(page).count();
  const filter = page.getByLabel("Section");
  await expect(filter).toHaveValue("");
  await filter.selectOption({ label: "Wider cooperation" });
  await expect(page).toHaveURL("/timeline?section=wider-cooperation");
  await expect(page.locator(".timeline .match-count")).not.toHaveText(`${all} dated statements`);
  const some = await entries(page).count();
  await expect(page.locator(".timeline .match-count")).toHaveText(`${some} dated statements`);
  expect(some).toBeGreaterThan(0);
  expect(some).toBeLessThan(all);
  for (const source of await entries(page).getByRole("link").allInnerTexts()) expect(source).toContain("Wider cooperation");
  await page.reload();
  await expect(filter).toHaveValue("wider-cooperation");
  await expect(entries(page)).toHaveCount(some);
  await page.goBack();
  await expect(page).toHaveURL("/timeline");
  await expect(entries(page)).toHaveCount(all);
});

test("the site navigation and the overview lead to the key dates", async ({ page }) => {
  await page.goto("/");
  await page.locator(".see-also").getByRole("link", { name: "Key dates" }).click();
  await expect(page).toHaveURL("/timeline");
  await expect(page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Key dates" })).toHaveAttribute("aria-current", "page");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the timeline reads whole", async ({ page }) => {
    await page.goto("/timeline");
    await expect(page.locator("time", { hasText: "19 August 2008" })).toBeVisible();
    await expect(entries(page).first()).toBeVisible();
  });
});
