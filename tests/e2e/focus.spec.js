// Focus is never dropped (WCAG 2.4.3): wherever an island removes or disables the control that
// has focus, focus moves on to a sensible place first — tried with the keyboard.
import { test, expect } from "./fixtures.js";
import { accepted, mockApi, noContent } from "./api-mock.js";

/** Tabs until `locator` has focus (at most 40 stops). */
async function tabTo(page, locator) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await locator.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error("not reached with Tab");
}

test("dismissing the announcement with the keyboard moves focus to the start of the main content", async ({ page }) => {
  await page.goto("/sections/wider-cooperation");
  const dismiss = page.getByRole("region", { name: "Announcement" }).getByRole("button", { name: "Dismiss" });
  await tabTo(page, dismiss);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement.closest("main") !== null)).toBe(true);
});

test("signing out with the keyboard leaves focus on 'Sign in'", async ({ page }) => {
  await mockApi(page, { "GET /session": { status: 200, json: { email: "reader@example.org" } }, "DELETE /sessions": noContent });
  await page.addInitScript(() => localStorage.setItem("nato-georgia.account-email", "reader@example.org"));
  await page.goto("/");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await tabTo(page, signOut);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeFocused();
});

test("applying the email hint with the keyboard goes back to the field", async ({ page }) => {
  await page.goto("/newsletter");
  const email = page.getByLabel("Email address");
  await email.focus();
  await page.keyboard.type("name@gmial.com");
  await page.keyboard.press("Tab");
  const use = page.getByRole("button", { name: "Use name@gmail.com" });
  await tabTo(page, use);
  await page.keyboard.press("Enter");
  await expect(email).toHaveValue("name@gmail.com");
  await expect(email).toBeFocused();
});

test("a subscription sent from the keyboard moves focus to what replaced the form", async ({ page }) => {
  await mockApi(page, { "POST /newsletter/subscriptions": accepted });
  await page.goto("/newsletter");
  await page.getByLabel("Email address").focus();
  await page.keyboard.type("reader@example.org");
  await page.getByRole("checkbox", { name: /^I agree/ }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeFocused();
});

test("'Send new code' from the keyboard moves focus to the code while it waits out its countdown", async ({ page }) => {
  await page.clock.install();
  await mockApi(page, { "POST /password-resets": accepted });
  await page.goto("/account/forgot-password");
  await page.getByLabel("Email address").focus();
  await page.keyboard.type("reader@example.org");
  await page.keyboard.press("Enter");
  const resend = page.getByRole("button", { name: "Send new code" });
  await expect(resend).toBeDisabled();
  await page.clock.runFor(61_000);
  await expect(resend).toBeEnabled();
  await resend.focus();
  await page.keyboard.press("Enter");
  await expect(resend).toBeDisabled();
  await expect(page.getByLabel("Code")).toBeFocused();
});
