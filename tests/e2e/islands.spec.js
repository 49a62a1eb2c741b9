// What a page downloads, and when: a page is its HTML; its islands' bundle comes when the
// visitor reaches for one (or once it has painted, where its address asks for it: a search);
// the router keeps the frame's islands, with their state, from page to page; two bundles in one
// document do not get in each other's way; a page the router cannot fetch loads in full.
import { test, expect, names } from "./fixtures.js";

/** The bundles (`<name>-<hash>.js`) a page requests, by name. */
const bundleRequests = (page) => {
  const bundles = [];
  page.on("request", (request) => {
    const match = request.url().match(/\/([a-z]+)-[0-9a-f]{16}\.js$/);
    if (match) bundles.push(match[1]);
  });
  return bundles;
};

const wasmRequests = (page) => {
  const wasm = [];
  page.on("request", (request) => request.url().endsWith(".wasm") && wasm.push(request.url()));
  return wasm;
};

for (const path of ["/", "/sections/wider-cooperation", "/regions/georgia", "/timeline", "/regions", "/account/register"]) {
  test(`the first view of ${path} downloads no code; reaching for an island loads its page's bundle`, async ({ page }) => {
    const [bundles, wasm] = [bundleRequests(page), wasmRequests(page)];
    await page.goto(path);
    await expect(page.locator("body")).toHaveAttribute(names.marks.hydrated, "");
    await page.waitForTimeout(300);
    expect(bundles).toEqual([]);
    expect(wasm).toEqual([]);
    await page.getByRole("region", { name: "Announcement" }).hover();
    await expect(page.locator(`leptos-island:not([${names.marks.hydrated}])`)).toHaveCount(0);
    const bundle = await page.locator("body").getAttribute(names.marks.bundle);
    expect(bundles).toEqual([bundle]);
  });
}

test("a search paints its results before any code, then loads its bundle without being reached for", async ({ page }) => {
  const bundles = bundleRequests(page);
  await page.addInitScript(() => {
    window.__paintedWithoutCode = new Promise((resolve) =>
      new PerformanceObserver((entries) => {
        if (!entries.getEntriesByName("first-contentful-paint").length) return;
        const code = performance.getEntriesByType("resource").filter((entry) => /\.(js|wasm)$/.test(entry.name));
        resolve({ results: document.querySelectorAll(".search-results > li").length, code: code.length });
      }).observe({ type: "paint", buffered: true }),
    );
  });
  await page.goto("/search?q=georgia");
  const painted = await page.evaluate(() => window.__paintedWithoutCode);
  expect(painted.results).toBeGreaterThan(5);
  expect(painted.code).toBe(0);
  await expect(page.locator(".search [role=status]")).toHaveText(/passages match/);
  expect(bundles).toEqual(["search"]);
});

test("following links keeps the frame's islands and their state, and loads a bundle only once", async ({ page }) => {
  const bundles = bundleRequests(page);
  await page.goto("/");
  await page.getByRole("region", { name: "Announcement" }).getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
  await page.evaluate(() => (document.querySelector(".account-links").closest("leptos-island").kept = true));
  const nav = page.getByRole("navigation", { name: "Site" });
  await nav.getByRole("link", { name: "Wider cooperation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
  await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector(".account-links").closest("leptos-island").kept)).toBe(true);
  await nav.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("link", { name: "Building capabilities and interoperability" }).first().hover();
  expect(bundles).toEqual(["frame"]);
});

test("two bundles in one document: a form reached from the region list works", async ({ page }) => {
  const bundles = bundleRequests(page);
  await page.goto("/regions");
  await page.getByLabel("Filter regions").fill("jor");
  await expect(page.locator("ul.region-list > li")).toHaveCount(1);
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("alert")).toBeFocused();
  expect(bundles).toEqual(["regions", "forms"]);
});

test.describe("a page the router cannot fetch", () => {
  test.use({ allowedConsoleErrors: [/ERR_FAILED|Failed to fetch|ERR_INTERNET_DISCONNECTED/] });

  test("loads in full, as without the router", async ({ page }) => {
    await page.goto("/");
    await page.evaluate(() => (window.stillTheSameDocument = true));
    let refused = 0;
    await page.route("**/sections/wider-cooperation", (route, request) =>
      request.isNavigationRequest() ? route.fallback() : (refused++, route.abort()),
    );
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Wider cooperation" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
    await expect(page).toHaveURL("/sections/wider-cooperation");
    expect(refused).toBe(1);
    expect(await page.evaluate(() => window.stillTheSameDocument)).toBeUndefined();
  });
});
