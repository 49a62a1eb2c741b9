// The release build loads each route's code when the visitor goes there: the first view of `/`
// has none of it, a direct visit loads the route's chunk, and a chunk that cannot be downloaded
// shows a page that says so and lets the visitor try again, with the rest of the app working.
import { test, expect, names } from "./fixtures.js";

const chunkRequests = (page) => {
  const chunks = [];
  page.on("request", (request) => {
    const file = request.url().split("/").pop();
    if (/-split_.*\.wasm$/.test(file)) chunks.push(file);
  });
  return chunks;
};

test("the first view of / loads no other route's code; going to a route loads its chunk", async ({ page }) => {
  const chunks = chunkRequests(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relations with Georgia");
  expect(chunks).toEqual([]);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Regions and countries" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regions and countries");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  expect(chunks).toEqual([expect.stringMatching(/-split_regions_page\.wasm$/)]);
});

test("a direct visit to a route hydrates it with its chunk", async ({ page }) => {
  const chunks = chunkRequests(page);
  await page.goto("/newsletter");
  await expect(page.locator("body")).toHaveAttribute(names.marks.hydrated, "");
  expect(chunks).toEqual([expect.stringMatching(/-split_newsletter_page\.wasm$/)]);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("alert").getByRole("heading", { name: "There is a problem" })).toBeVisible();
});

test.describe("a chunk that cannot be downloaded", () => {
  test.use({ allowedConsoleErrors: [/ERR_FAILED|Failed to fetch|fetch/i] });

  test("says the page could not be loaded, keeps the app working, and loads it on retry", async ({ page }) => {
    await page.goto("/");
    await page.route(/-split_.*\.wasm$/, (route) => route.abort());
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Regions and countries" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page could not be loaded");
    await expect(page).toHaveTitle("This page could not be loaded — Relations with Georgia");
    await expect(page).toHaveURL("/regions");

    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relations with Georgia");

    await page.unroute(/-split_.*\.wasm$/);
    await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Regions and countries" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regions and countries");
  });

  test("'Try again' loads the page afresh", async ({ page }) => {
    await page.goto("/");
    await page.route(/-split_.*\.wasm$/, (route) => route.abort());
    await page.getByRole("link", { name: "Wider cooperation" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page could not be loaded");
    await page.unroute(/-split_.*\.wasm$/);
    await page.getByRole("link", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
    await expect(page).toHaveURL("/sections/wider-cooperation");
  });
});
