// The same app built with `--public-url /x/` works under that sub-path: assets, content, links,
// deep links on reload and the not-found page.
import { test, expect } from "./fixtures.js";

test("the app works under a sub-path", async ({ page }) => {
  await page.goto("/x/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relations with Georgia");
  const link = page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Wider cooperation" });
  await expect(link).toHaveAttribute("href", "/x/sections/wider-cooperation");
  await link.click();
  await expect(page).toHaveURL("/x/sections/wider-cooperation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
  await expect(link).toHaveAttribute("aria-current", "page");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL("/x/");
});

test.describe("unknown paths", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test("an unknown path under the sub-path shows the not-found page linking to the sub-path's home", async ({ page }) => {
  await page.goto("/x/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the overview of Relations with Georgia" }).click();
  await expect(page).toHaveURL("/x/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relations with Georgia");
});
});

test.describe("offline", () => {
  test.use({ serviceWorkers: "allow", allowedConsoleErrors: [/status of 404/] });
  test("the service worker is scoped to the sub-path and serves it offline", async ({ page, context }) => {
    await page.goto("/x/regions");
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope)).toMatch(/\/x\/$/);
    await context.setOffline(true);
    await page.goto("/x/sections/wider-cooperation");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wider cooperation");
    await page.goto("/x/no-such-page");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});
