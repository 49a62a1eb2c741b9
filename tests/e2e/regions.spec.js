// The map-free region list and the region pages, and the links between them and the article.
import { test, expect, waitForApp } from "./fixtures.js";

const list = (page) => page.locator("ul.region-list > li");
const names = (page) => list(page).locator(".region-name").allInnerTexts();
/** The places shown, waited for: the filter's island may start with the first keystroke. */
const expectNames = (page, expected) => expect(list(page).locator(".region-name")).toHaveText(expected);
const filterBox = (page) => page.getByLabel("Filter regions");
const status = (page) => page.locator(".match-count[role=status][aria-live=polite]");

test("the list shows every place with its kind, parent and number of mentions", async ({ page }) => {
  await page.goto("/regions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regions and countries");
  await expect(page).toHaveTitle("Regions and countries — Relations with Georgia");
  await expect(list(page)).toHaveCount(9);
  await expect(status(page)).toHaveText("9 regions match");
  const abkhazia = list(page).filter({ has: page.getByRole("link", { name: "Abkhazia" }) });
  await expect(abkhazia).toContainText("Georgia and its regions");
  await expect(abkhazia).toContainText("Region of Georgia");
  await expect(abkhazia).toContainText("4 mentions");
  await expect(list(page).filter({ has: page.getByRole("link", { name: "Jordan" }) })).toContainText("1 mention");
});

test("filtering as you type ignores case and accents and announces the count", async ({ page }) => {
  await page.goto("/regions");
  await filterBox(page).pressSequentially("ossétia");
  await expectNames(page, ["South Ossetia"]);
  await expect(status(page)).toHaveText("1 region matches");
  await expect(page).toHaveURL("/regions?q=oss%C3%A9tia");
  await filterBox(page).fill("SOUTH");
  await expect(status(page)).toHaveText("2 regions match");
  await expectNames(page, ["Caucasus", "South Ossetia"]);
});

test("no match shows a message and 'Clear filter' brings every place back", async ({ page }) => {
  await page.goto("/regions");
  await filterBox(page).fill("atlantis");
  await expect(status(page)).toHaveText("0 regions match");
  await expect(page.getByText("No region matches this filter.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filter" }).click();
  await expect(list(page)).toHaveCount(9);
  await expect(filterBox(page)).toHaveValue("");
  await expect(filterBox(page)).toBeFocused();
  await expect(page).toHaveURL("/regions");
});

test("kind toggles select kinds and say whether they are pressed", async ({ page }) => {
  await page.goto("/regions");
  const partners = page.getByRole("button", { name: "Partner countries" });
  await expect(partners).toHaveAttribute("aria-pressed", "false");
  await partners.click();
  await expect(partners).toHaveAttribute("aria-pressed", "true");
  await expectNames(page, ["Australia", "Jordan", "Ukraine"]);
  await page.getByRole("button", { name: "Georgia and its regions" }).click();
  await expect(list(page)).toHaveCount(6);
  await partners.click();
  await expectNames(page, ["Abkhazia", "Georgia", "South Ossetia"]);
});

test("sorting by name or by number of mentions", async ({ page }) => {
  await page.goto("/regions");
  expect((await names(page))[0]).toBe("Abkhazia");
  await page.getByLabel("Sort by").selectOption({ label: "Number of mentions" });
  await expect(page).toHaveURL("/regions?sort=mentions");
  await expect(list(page).first()).toContainText("Georgia");
  const counts = await list(page).locator(".region-mentions").allInnerTexts();
  const numbers = counts.map((text) => parseInt(text, 10));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
});

test("filter, kinds and sort live in the URL: shared links, reload, back and forward", async ({ page }) => {
  await page.goto("/regions?q=oss&kind=georgia&sort=mentions");
  await expect(filterBox(page)).toHaveValue("oss");
  await expect(page.getByRole("button", { name: "Georgia and its regions" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Sort by")).toHaveValue("mentions");
  await expectNames(page, ["South Ossetia"]);
  await page.reload();
  await expect(filterBox(page)).toHaveValue("oss");
  await expectNames(page, ["South Ossetia"]);

  await page.getByRole("button", { name: "Georgia and its regions" }).click();
  await expect(page).toHaveURL("/regions?q=oss&sort=mentions");
  await page.goBack();
  await expect(page).toHaveURL("/regions?q=oss&kind=georgia&sort=mentions");
  await expect(page.getByRole("button", { name: "Georgia and its regions" })).toHaveAttribute("aria-pressed", "true");
  await page.goForward();
  await expect(page.getByRole("button", { name: "Georgia and its regions" })).toHaveAttribute("aria-pressed", "false");
});

test("'/' focuses the filter box, but types normally inside a field; Escape clears it", async ({ page }) => {
  await page.goto("/regions");
  await waitForApp(page);
  await page.locator("h1").click();
  await page.keyboard.press("/");
  await expect(filterBox(page)).toBeFocused();
  await expect(filterBox(page)).toHaveValue("");
  await page.keyboard.type("jor/");
  await expect(filterBox(page)).toHaveValue("jor/");
  await page.keyboard.press("Backspace");
  await expectNames(page, ["Jordan"]);
  await page.keyboard.press("Escape");
  await expect(filterBox(page)).toHaveValue("");
  await expect(list(page)).toHaveCount(9);
});

test("every control is reachable with the keyboard", async ({ page }) => {
  await page.goto("/regions");
  await filterBox(page).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Georgia and its regions" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Georgia and its regions" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Sort by")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Abkhazia" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abkhazia");
});

test("a region page shows the place, its passages with the name marked, and links into the article", async ({ page }) => {
  await page.goto("/regions/abkhazia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abkhazia");
  await expect(page).toHaveTitle("Abkhazia — Relations with Georgia");
  await expect(page.locator(".region-facts")).toContainText("Georgia and its regions");
  await expect(page.locator(".region-facts")).toContainText("GE-AB");
  await expect(page.locator(".region-description")).toContainText("regions of Georgia as independent states");
  const passages = page.locator("ol.passages > li");
  await expect(passages).toHaveCount(4);
  await expect(passages.first().locator("mark")).toHaveText("Abkhazia");

  await passages.first().getByRole("link", { name: /Read it in context/ }).click();
  await expect(page).toHaveURL("/sections/wider-cooperation#emergency-meeting-2008");
  const passage = page.locator("#emergency-meeting-2008");
  await expect(passage).toBeInViewport();
  await expect(passage).toHaveClass(/is-target/);
  await expect(passage).not.toHaveClass(/is-target/, { timeout: 5000 });

  await page.goto("/regions/abkhazia");
  await page.locator(".region-facts").getByRole("link", { name: "Georgia" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Georgia");
  await expect(page.locator(".region-facts").getByRole("link", { name: "South Ossetia" })).toBeVisible();
});

test("a passage in the overview's introduction is linked too", async ({ page }) => {
  await page.goto("/regions/georgia");
  await page.locator("ol.passages > li").first().getByRole("link", { name: "Read it in context: the overview" }).click();
  await expect(page).toHaveURL("/#closest-partners");
  await expect(page.locator("#closest-partners")).toBeInViewport();
});

test("place names in the article link to their region page", async ({ page }) => {
  await page.goto("/sections/wider-cooperation");
  const paragraph = page.locator("#peaceful-resolution");
  await expect(paragraph.getByRole("link", { name: "Abkhazia" })).toHaveAttribute("href", "/regions/abkhazia");
  await expect(paragraph.getByRole("link", { name: "Georgia" })).toHaveCount(1);
  await paragraph.getByRole("link", { name: "South Ossetia" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("South Ossetia");
});

test.describe("unknown region", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test("an unknown region shows the not-found page", async ({ page }) => {
  await page.goto("/regions/atlantis");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
});
