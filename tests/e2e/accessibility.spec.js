// axe-core on every route, in the light and the dark colour scheme, and on a form showing its
// errors: no violations.
import { test, expect } from "./fixtures.js";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Evaluated through the DevTools protocol: a <script> tag would be (rightly) blocked by the CSP.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const ROUTES = [
  "/",
  "/sections/building-capabilities-and-interoperability",
  "/sections/support-for-nato-led-operations",
  "/regions",
  "/regions/abkhazia",
  "/newsletter",
  "/account/register",
  "/account/sign-in",
  "/account/forgot-password",
  "/search?q=georgia",
  "/timeline",
  "/no-such-page",
];

async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const colorScheme of ["light", "dark"]) {
  test.describe(`${colorScheme} scheme`, () => {
    // /no-such-page comes with status 404, which the browser logs.
    test.use({ colorScheme, allowedConsoleErrors: [/status of 404/] });
    for (const route of ROUTES) {
      test(`axe finds no violations on ${route}`, async ({ page }) => {
        await page.goto(route);
        await expect(page.locator("main h1")).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }

    test("axe finds no violations on a form showing its errors and the password checks", async ({ page }) => {
      await page.goto("/account/register");
      await page.getByLabel("Password", { exact: true }).fill("abc");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByRole("alert")).toBeFocused();
      expect(await violations(page)).toEqual([]);
    });
  });
}
