// A direct visit to a search shows its results in the first paint, found by the page's own
// script (src/search-first.js) in the passages the build wrote into the page; the island takes
// over when its code has run, finding the same passages in the same order with the same marks,
// and nothing the visitor sees moves. The page needs nothing else: not the content file.
import { test, expect, names } from "./fixtures.js";

const FIRST = `.${names.classes.searchFirst}`;
const ISLAND = ".search leptos-island";

/** Holds the search's bundle back until `release()`. */
async function holdTheIsland(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/\/search-[0-9a-f]{16}(\.js|_bg\.wasm)$/, async (route) => {
    await released;
    await route.fallback();
  });
  return release;
}

/** What a list of results shows: the status line, and each result's link, place, text and marked words. */
const shown = (page, root) =>
  page.locator(root).evaluate((root) => ({
    status: root.querySelector("p").textContent,
    results: [...root.querySelectorAll("li")].map((item) => ({
      href: item.querySelector("a").getAttribute("href"),
      place: item.querySelector("a").textContent,
      text: item.lastElementChild.textContent,
      marks: [...item.querySelectorAll("mark")].map((mark) => mark.textContent),
    })),
  }));

// Words, prefixes, phrases (closed, open, curly), accents, case, apostrophes, digits, headings,
// repeated words, and nothing found.
const QUERIES = [
  "georgia",
  "coop nato",
  '"peaceful resolution" ossétia',
  "OSSÉTIA abkhazia",
  "nato’s",
  "“NATO Georgia”",
  '"south caucasus',
  "de",
  "2008",
  "interoperability",
  "substantial package",
  "liaison liaison office",
  "partnership for peace",
  "zzzqx",
];

for (const words of QUERIES) {
  test(`${words}: the first results are the island's, in the same order with the same marks`, async ({ page }) => {
    const release = await holdTheIsland(page);
    await page.goto(`/search?q=${encodeURIComponent(words)}`, { waitUntil: "domcontentloaded" });
    await expect(page.locator(FIRST)).toBeVisible();
    await expect(page.locator(ISLAND)).toBeHidden();
    const first = await shown(page, FIRST);
    release();
    await expect(page.locator(FIRST)).toHaveCount(0);
    await expect(page.locator(ISLAND)).toBeVisible();
    expect(await shown(page, ISLAND)).toEqual(first);
    expect(first.status).toMatch(words === "zzzqx" ? /^No passage matches/ : /passages? match/);
  });
}

test("the results are painted before any code arrives, and stay where they are when the island takes over", async ({ page }) => {
  const release = await holdTheIsland(page);
  await page.goto("/search?q=georgia", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("georgia");
  const boxes = async (root) =>
    page.locator(`${root} li`).evaluateAll((items) => items.map((item) => [item.getBoundingClientRect().toJSON(), item.innerText]));
  const before = await boxes(FIRST);
  expect(before.length).toBeGreaterThan(5);
  const footer = await page.locator("footer").boundingBox();
  // What the island shows in the moment the first results go: already its own (in one task).
  await page.evaluate(([first, island]) => {
    window.__shownWhenGone = new Promise((resolve) =>
      new MutationObserver(() => !document.querySelector(first) && resolve(document.querySelectorAll(`${island} li`).length)).observe(
        document.querySelector("main"),
        { childList: true, subtree: true },
      ),
    );
  }, [FIRST, ISLAND]);
  release();
  await expect(page.locator(FIRST)).toHaveCount(0);
  expect(await page.evaluate(() => window.__shownWhenGone)).toBe(before.length);
  expect(await boxes(ISLAND)).toEqual(before);
  expect(await page.locator("footer").boundingBox()).toEqual(footer);
});

test("focus on a first result moves to the same result when the island takes over", async ({ page }) => {
  const release = await holdTheIsland(page);
  await page.goto("/search?q=coop", { waitUntil: "domcontentloaded" });
  await page.locator(`${FIRST} a`).nth(2).focus();
  const href = await page.locator(`${FIRST} a`).nth(2).getAttribute("href");
  release();
  await expect(page.locator(FIRST)).toHaveCount(0);
  await expect(page.locator(`${ISLAND} a`).nth(2)).toBeFocused();
  await expect(page.locator(`${ISLAND} a`).nth(2)).toHaveAttribute("href", href);
});

test("the search needs nothing but its page: without the content file it still finds, directly and after following a link", async ({ page }) => {
  const content = [];
  await page.route(`**/${names.files.content}`, (route) => {
    content.push(route.request().url());
    return route.fulfill({ status: 404, body: "" });
  });
  await page.goto("/search?q=abkhazia");
  await expect(page.locator(".search [role=status]")).toHaveText(/passages? match/);
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search" }).fill("ossetia");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator(".search [role=status]")).toHaveText(/passages? match/);
  await expect(page.locator(FIRST)).toHaveCount(0);
  expect(content).toEqual([]);
});

test("passages the page cannot read are said so, instead of a search that finds nothing", async ({ page }) => {
  await page.route(/\/search(\/|\/index\.html)?\?q=/, async (route) => {
    const html = await (await route.fetch()).text();
    const broken = html.replace(new RegExp(`(<script type="application/json" id="${names.ids.searchData}">)[^<]*`), "$1{");
    await route.fulfill({ status: 200, contentType: "text/html", body: broken });
  });
  await page.goto("/search?q=georgia");
  await expect(page.getByRole("alert")).toContainText("The search could not read the article's passages.");
  await expect(page.locator(".what-failed")).toContainText(`#${names.ids.searchData} is not readable`);
  await expect(page.locator(FIRST)).toHaveCount(0);
  await expect(page.locator(".search-results > li")).toHaveCount(0);
});
