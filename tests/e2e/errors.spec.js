// A content file that cannot be used shows an error page that says what is wrong and offers
// "Try again"; never a blank page or a panic.
import { test, expect, names } from "./fixtures.js";

const CONTENT = `**/${names.files.content}`;

test.use({ allowedConsoleErrors: [/Failed to load resource/] });

async function expectErrorPage(page, what) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, the page could not be loaded");
  await expect(page.locator(".what-failed")).toContainText(what);
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
}

test("a missing content file (404) shows the error page", async ({ page }) => {
  await page.route(CONTENT, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "Not found" }));
  await page.goto("/");
  await expectErrorPage(page, `The server answered 404 Not Found for /${names.files.content}.`);
});

test("HTML instead of JSON (a dev server's fallback for a missing file) shows the error page", async ({ page }) => {
  await page.route(CONTENT, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><html></html>" }));
  await page.goto("/sections/wider-cooperation");
  await expectErrorPage(page, `The server sent text/html instead of JSON for /${names.files.content}`);
});

test("a malformed content file shows the path of the problem", async ({ page }) => {
  await page.route(CONTENT, async (route) => {
    const content = await (await route.fetch()).json();
    content.sections[1].heading = 42;
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(content) });
  });
  await page.goto("/");
  await expectErrorPage(page, "The content file is malformed at sections[1].heading: invalid type: integer `42`");
});

test("truncated JSON and an unknown field are reported too", async ({ page }) => {
  await page.route(CONTENT, (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"version": 1, "title": "Relations' }));
  await page.goto("/");
  await expectErrorPage(page, "The content file is malformed");
  await page.unroute(CONTENT);
  await page.route(CONTENT, async (route) => {
    const content = await (await route.fetch()).json();
    content.intro[0].colour = "red";
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(content) });
  });
  await page.reload();
  await expectErrorPage(page, "at intro[0].colour: unknown field `colour`");
});

test("a network failure shows the error page, and 'Try again' loads the page once it works", async ({ page }) => {
  let attempts = 0;
  await page.route(CONTENT, (route) => (++attempts === 1 ? route.abort("internetdisconnected") : route.fallback()));
  await page.goto("/sections/wider-cooperation");
  await expectErrorPage(page, "The content could not be downloaded");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
  expect(attempts).toBe(2);
});

test("a slow content file: the prerendered page reads at once; the shell shows a loading state", async ({ page }) => {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(CONTENT, async (route) => {
    await released;
    await route.fallback();
  });
  await page.goto("/sections/wider-cooperation", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
  await expect(page.locator("body")).not.toHaveAttribute(names.marks.hydrated);
  await page.goto("/no-such-page", { waitUntil: "domcontentloaded" });
  await expect(page.getByText("Loading the page…")).toBeVisible();
  release();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
