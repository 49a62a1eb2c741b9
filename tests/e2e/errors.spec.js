// A content file that cannot be used. The pages are made from it at build time, and a release
// build refuses it with the reason (tests/prerender.rs); in the browser, the one island that
// reads it — the search — says what is wrong and offers "Try again": never a blank page or a
// panic.
import { test, expect, names } from "./fixtures.js";

const CONTENT = `**/${names.files.content}`;

test.use({ allowedConsoleErrors: [/Failed to load resource/] });

async function expectSearchError(page, what) {
  await expect(page.getByRole("alert")).toContainText("The article could not be loaded to search it.");
  await expect(page.locator(".what-failed")).toContainText(what);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
}

test("a missing content file (404) says so", async ({ page }) => {
  await page.route(CONTENT, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "Not found" }));
  await page.goto("/search?q=georgia");
  await expectSearchError(page, `The server answered 404 Not Found for /${names.files.content}.`);
});

test("HTML instead of JSON (a dev server's fallback for a missing file) says so", async ({ page }) => {
  await page.route(CONTENT, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><html></html>" }));
  await page.goto("/search?q=georgia");
  await expectSearchError(page, `The server sent text/html instead of JSON for /${names.files.content}`);
});

test("a malformed content file says where the problem is", async ({ page }) => {
  await page.route(CONTENT, async (route) => {
    const content = await (await route.fetch()).json();
    content.sections[1].heading = 42;
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(content) });
  });
  await page.goto("/search?q=georgia");
  await expectSearchError(page, "The content file is malformed at sections[1].heading: invalid type: integer `42`");
});

test("a network failure says so, and 'Try again' searches once it works", async ({ page }) => {
  let attempts = 0;
  await page.route(CONTENT, (route) => (++attempts === 1 ? route.abort("internetdisconnected") : route.fallback()));
  await page.goto("/search?q=georgia");
  await expectSearchError(page, "The content could not be downloaded");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".search .match-count")).toHaveText(/passages match/);
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(attempts).toBe(2);
});

test("while the content downloads, the search says it is searching; the page reads at once", async ({ page }) => {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(CONTENT, async (route) => {
    await released;
    await route.fallback();
  });
  await page.goto("/search?q=georgia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(page.locator(".search .match-count")).toHaveText("Searching…");
  release();
  await expect(page.locator(".search .match-count")).toHaveText(/passages match/);
});
