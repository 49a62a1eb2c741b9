// Site search: the header's field on every page, the results on /search with every match
// marked, the query in the URL, the passages marked where they stand, and the keyboard.
import { test, expect, seed, sentences, names } from "./fixtures.js";

const field = (page) => page.getByRole("searchbox", { name: "Search" });
const status = (page) => page.locator(".search [role=status]");
const results = (page) => page.locator(".search-results > li");

async function searchFor(page, words) {
  await field(page).fill(words);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=`));
  await expect(status(page)).not.toBeEmpty();
}

test("the header's field finds the passages that match, each marked and placed in its section", async ({ page }) => {
  await page.goto("/sections/wider-cooperation");
  await searchFor(page, "Ossétia");
  await expect(page).toHaveURL("/search?q=Oss%C3%A9tia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(field(page)).toHaveValue("Ossétia");
  const count = await results(page).count();
  expect(count).toBeGreaterThan(0);
  await expect(status(page)).toHaveText(count === 1 ? "1 passage matches" : `${count} passages match`);
  await expect(status(page)).toHaveAttribute("aria-live", "polite");
  for (const mark of await page.locator(".search-results mark").allInnerTexts()) expect(mark).toMatch(/^ossetia/i);
  await expect(results(page).first().locator(".result-place a")).toHaveAttribute("href", /^\/(sections\/[a-z-]+)?#[a-z0-9-]+$/);
});

test("words match at the start of words, every word must match, and a quoted phrase matches as a phrase", async ({ page }) => {
  await page.goto("/search?q=coop");
  await expect(status(page)).toHaveText(/passages? match/);
  for (const mark of await page.locator(".search-results mark").allInnerTexts()) expect(mark.toLowerCase()).toBe("coop");

  await page.goto('/search?q=%22peaceful%20resolution%22');
  await expect(status(page)).toHaveText(/passages? match/);
  for (const mark of await page.locator(".search-results mark").allInnerTexts()) expect(mark.toLowerCase()).toBe("peaceful resolution");

  await page.goto("/search?q=abkhazia%20ossetia");
  await expect(status(page)).toHaveText(/passages? match/);
  for (const text of await results(page).locator("p:last-child").allInnerTexts()) {
    expect(text).toMatch(/Abkhazia/);
    expect(text).toMatch(/Ossetia/);
  }
});

test("nothing found says so and suggests checking the spelling; no words show nothing but the field", async ({ page }) => {
  await page.goto("/search?q=zzzqx");
  await expect(status(page)).toHaveText("No passage matches. Check the spelling, or try fewer or shorter words.");
  await expect(results(page)).toHaveCount(0);
  await page.goto("/search");
  await expect(field(page)).toBeVisible();
  await expect(status(page)).toBeEmpty();
  await expect(results(page)).toHaveCount(0);
});

test("the query lives in the URL: a search reloads, and Back and Forward move between searches", async ({ page }) => {
  await page.goto("/search?q=liaison");
  await expect(status(page)).toHaveText(/passages? match/);
  await page.reload();
  await expect(status(page)).toHaveText(/passages? match/);
  await expect(field(page)).toHaveValue("liaison");
  await searchFor(page, "zzzqx");
  await expect(status(page)).toHaveText(/^No passage matches/);
  await page.goBack();
  await expect(page).toHaveURL("/search?q=liaison");
  await expect(status(page)).toHaveText(/passages? match/);
  await page.goForward();
  await expect(status(page)).toHaveText(/^No passage matches/);
});

test("a result opens its passage, scrolled into view with its matches marked", async ({ page }) => {
  await page.goto("/search?q=%22peaceful%20resolution%22");
  const first = results(page).first().locator(".result-place a");
  const href = await first.getAttribute("href");
  await first.click();
  await expect(page).toHaveURL(href);
  const passage = page.locator(`[id="${href.split("#")[1]}"]`);
  await expect(passage).toBeInViewport();
  await expect(page.locator("main mark").first()).toHaveText(/peaceful resolution/i);
  // Leaving the page leaves the marks behind.
  await page.getByRole("link", { name: "Regions and countries" }).click();
  await expect(page).toHaveURL("/regions");
  await page.goBack();
  await expect(page).toHaveURL(href);
  await expect(passage).toBeVisible();
  await expect(page.locator("main mark")).toHaveCount(0);
});

test("keyboard: / focuses the page's search field, Escape clears the site search", async ({ page }) => {
  await page.goto("/");
  await page.locator("body").press("/");
  await expect(field(page)).toBeFocused();
  await page.keyboard.type("georgia");
  await page.keyboard.press("Escape");
  await expect(field(page)).toHaveValue("");
  await page.goto("/regions");
  await page.locator("body").press("/");
  await expect(page.getByLabel("Filter regions")).toBeFocused();
  await expect(page.getByLabel("Filter regions")).toHaveAttribute(names.marks.slashFocus, "");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search form is on every page and leads to the search page", async ({ page }) => {
    await page.goto("/regions/abkhazia");
    await field(page).fill("Abkhazia");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL("/search?q=Abkhazia");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    // That searching needs JavaScript is said in a <noscript> (prerender.spec.js checks it).
  });
});

test("every sentence of the article can be found by its own words", async ({ page }) => {
  // A sentence's first three words, as a phrase, find a passage holding it.
  const sentence = sentences(seed.articleLines.find((line) => line.includes("Liaison Office")))[0];
  const phrase = sentence.split(/\s+/).slice(0, 3).join(" ").replace(/[^\p{L}\p{N} ]/gu, "");
  await page.goto(`/search?q=${encodeURIComponent(`"${phrase}"`)}`);
  await expect(results(page).first()).toContainText(sentence);
});
