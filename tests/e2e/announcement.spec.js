// The seed's announcement banner, and that dismissing it is remembered.
import { test, expect, seed } from "./fixtures.js";

test("the announcement can be dismissed and stays dismissed after a reload", async ({ page }) => {
  await page.goto("/");
  const banner = page.getByRole("region", { name: "Announcement" });
  await expect(banner).toContainText(seed.siteLines[0]);
  await banner.getByRole("button", { name: "Dismiss" }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
  await page.goto("/sections/wider-cooperation");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
});

test("a new visitor sees the announcement", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sections/wider-cooperation");
  await expect(page.getByRole("region", { name: "Announcement" })).toContainText("From now on you can download videos from our website");
});
