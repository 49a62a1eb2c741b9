// Client-side routing: every page has its own URL that loads directly, by link, and through
// history; titles, focus and the current-page marker follow the route.
import { test, expect, waitForApp, SECTIONS } from "./fixtures.js";

test("each route loads directly by URL with its own title and description", async ({ page }) => {
  const descriptions = new Set();
  await page.goto("/");
  await expect(page).toHaveTitle("Relations with Georgia");
  descriptions.add(await page.locator("meta[name=description]").last().getAttribute("content"));
  for (const section of SECTIONS) {
    await page.goto(`/sections/${section.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(section.heading);
    await expect(page).toHaveTitle(`${section.heading} — Relations with Georgia`);
    descriptions.add(await page.locator("meta[name=description]").last().getAttribute("content"));
  }
  expect(descriptions.size).toBe(4);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
});

test("links navigate in the app, move focus to the new h1 and keep history", async ({ page }) => {
  await page.goto("/");
  await waitForApp(page);
  await page.evaluate(() => (window.stillTheSameDocument = true));
  await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "Wider cooperation" }).click();
  await expect(page).toHaveURL("/sections/wider-cooperation");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Wider cooperation");
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle("Wider cooperation — Relations with Georgia");
  expect(await page.evaluate(() => window.stillTheSameDocument)).toBe(true);

  await page.getByRole("link", { name: "Previous: Support for NATO-led operations" }).click();
  await expect(heading).toHaveText("Support for NATO-led operations");
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle("Support for NATO-led operations — Relations with Georgia");

  await page.goBack();
  await expect(heading).toHaveText("Wider cooperation");
  await page.goBack();
  await expect(heading).toHaveText("Relations with Georgia");
  await expect(page).toHaveTitle("Relations with Georgia");
  await page.goForward();
  await expect(heading).toHaveText("Wider cooperation");
});

test("Back and Forward bring back where the reader was on each page", async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 500 });
  await page.goto("/sections/wider-cooperation");
  await waitForApp(page);
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  const there = await page.evaluate(() => scrollY);
  // Followed where it is, without scrolling to it first as a test click would.
  await page.evaluate(() => document.querySelector("a[rel=prev]").click());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Support for NATO-led operations");
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(there);
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Support for NATO-led operations");
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
});

test("the current page is marked in the site navigation", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "Site" });
  await page.goto("/");
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await page.goto("/sections/wider-cooperation");
  await expect(nav.getByRole("link", { name: "Wider cooperation" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current");
  await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
  await page.goto("/regions/abkhazia");
  await expect(nav.getByRole("link", { name: "Regions and countries" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
});

test("'Skip to content' is the first stop of the keyboard and moves to the main content", async ({ page }) => {
  await page.goto("/sections/wider-cooperation");
  await waitForApp(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await expect(page).toHaveURL("/sections/wider-cooperation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
});

test("a link to a paragraph's anchor brings it into view after the content loads", async ({ page }) => {
  await page.goto("/sections/wider-cooperation#peaceful-resolution");
  await expect(page.locator("#peaceful-resolution")).toBeInViewport();
  await page.goto("/");
  await page.getByRole("link", { name: "Other initiatives" }).click();
  await expect(page.locator("#other-initiatives")).toBeInViewport();
});

test.describe("unknown paths", () => {
  // The host answers them with the app's shell and status 404, which the browser logs.
  test.use({ allowedConsoleErrors: [/status of 404/] });
for (const path of ["/no-such-page", "/sections/no-such-section", "/sections/wider-cooperation/extra"]) {
  test(`an unknown path (${path}) shows the not-found page`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle("Page not found — Relations with Georgia");
    await page.getByRole("link", { name: "Go to the overview of Relations with Georgia" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relations with Georgia");
  });
}
});
