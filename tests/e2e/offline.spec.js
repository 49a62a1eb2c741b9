// Offline reading: after one visit the service worker has the whole site; navigating, reloading
// and opening any route work without a network; a new deploy is offered, never forced; forms
// offline keep what was typed; the API is never served from a cache.
import { test, expect, names } from "./fixtures.js";
import { spawn } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withContentSecurityPolicy } from "../../scripts/csp.mjs";
import { serviceWorker } from "../../scripts/service-worker.mjs";
import { listening } from "../listening.mjs";

test.use({
  serviceWorkers: "allow",
  // A path that is no page answers 404; a request sent offline fails.
  allowedConsoleErrors: [/status of 404|ERR_INTERNET_DISCONNECTED|Failed to fetch/],
});

/** Waits until the service worker controls the page (it took over once its cache was full). */
async function installed(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
}

const heading = (page) => page.getByRole("heading", { level: 1 });

test("after one visit, the site reads offline: in-app navigation, reloads and direct visits", async ({ page, context }) => {
  await page.goto("/");
  await installed(page);
  await context.setOffline(true);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Regions and countries" }).click();
  await expect(heading(page)).toHaveText("Regions and countries");
  await page.reload();
  await expect(heading(page)).toHaveText("Regions and countries");
  for (const [path, title] of [
    ["/sections/wider-cooperation", "Wider cooperation"],
    ["/regions/abkhazia", "Abkhazia"],
    ["/timeline", "Key dates"],
    ["/regions?q=oss", "Regions and countries"],
    ["/account/register", "Create an account"],
  ]) {
    await page.goto(path);
    await expect(heading(page)).toHaveText(title);
    await expect(page.locator("body")).toHaveAttribute(names.marks.hydrated, "");
  }
  // The strength estimator (its worker and wasm) is there too.
  await page.getByLabel("Password", { exact: true }).fill("Vq7#t!mZ2@pL9w-Kutaisi");
  await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
  await page.goto("/search?q=ossetia");
  await expect(page.locator(".search [role=status]")).toHaveText(/passages? match/);
  await page.goto("/no-such-page");
  await expect(heading(page)).toHaveText("Page not found");
});

test("the web app manifest is linked once the page has painted, not fetched before it", async ({ page, request }) => {
  const served = await (await request.get("/")).text();
  expect(served, "the page as served links no manifest").not.toMatch(/<link[^>]*rel="?manifest/);
  await page.goto("/");
  const link = page.locator("head link[rel=manifest]");
  await expect(link).toHaveCount(1);
  const manifest = await (await request.get(new URL(await link.evaluate((l) => l.href)).pathname)).json();
  expect(manifest.name).toBe("Relations with Georgia — NATO");
  expect(manifest.icons.length).toBeGreaterThan(0);
});

test("a form sent offline says so and keeps what was typed; the API is never cached", async ({ page, context }) => {
  await page.goto("/newsletter");
  await installed(page);
  await context.setOffline(true);
  await page.getByLabel("Email address").fill("reader@example.org");
  await page.getByRole("checkbox", { name: /^I agree/ }).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("alert")).toContainText("You are offline. What you typed is kept; send it again when you are back online.");
  await expect(page.getByLabel("Email address")).toHaveValue("reader@example.org");
  const cachedApi = await page.evaluate(async () => {
    for (const key of await caches.keys()) {
      const requests = await (await caches.open(key)).keys();
      if (requests.some((request) => new URL(request.url).pathname.startsWith("/api/"))) return true;
    }
    return false;
  });
  expect(cachedApi).toBe(false);
  await context.setOffline(false);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test.describe("a new deploy", () => {
  // One deployment, changed by each test in turn.
  test.describe.configure({ mode: "serial" });
  const PORT = 4190;
  const root = join("test-results", "offline-deploy");
  let server;

  /** The release build in `root`, as a deployment; the next one changes the announcement. */
  test.beforeAll(async () => {
    rmSync(root, { recursive: true, force: true });
    cpSync("dist", root, { recursive: true });
    server = spawn("node", ["scripts/static-server.mjs", "--root", root, "--port", String(PORT)], { stdio: "ignore" });
    await listening(PORT);
  });
  test.afterAll(() => server?.kill());

  /** The next deploy: the announcement changed (its pages' CSP with it), and the worker's version. */
  function deployNextVersion(version, next) {
    const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const changed = (file) => readFileSync(file, "utf8").replaceAll("download videos from our website", "download videos from our website today");
    for (const file of files(root)) {
      if (/\.(br|gz)$/.test(file)) rmSync(file);
      else if (file.endsWith(".html")) writeFileSync(file, withContentSecurityPolicy(changed(file)));
      else if (file.endsWith(".json")) writeFileSync(file, changed(file));
    }
    const worker = join(root, "service-worker.js");
    writeFileSync(worker, readFileSync(worker, "utf8").replace(`"${version}"`, `"${next}"`));
  }

  test("is offered with a Reload button, nothing reloads until then, and the old cache goes", async ({ page }) => {
    const base = `http://127.0.0.1:${PORT}`;
    await page.goto(`${base}/`);
    await installed(page);
    const [first] = await page.evaluate(() => caches.keys());
    const next = "0000000000000002";
    deployNextVersion(first.replace("nato-georgia-", ""), next);
    await page.reload();
    const notice = page.locator(".update-notice");
    await expect(notice).toHaveAttribute("role", "status");
    await expect(notice).toContainText("A new version of this site is available.");
    await expect(page.locator(".announcement")).not.toContainText("today");
    await notice.getByRole("button", { name: "Reload" }).click();
    await expect(page.locator(".announcement")).toContainText("download videos from our website today");
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`nato-georgia-${next}`]);
  });

  test("that turns offline reading off removes the worker and its caches", async ({ page }) => {
    const base = `http://127.0.0.1:${PORT}`;
    await page.goto(`${base}/regions`);
    await installed(page);
    // What `make dist OFFLINE=off` deploys in its place.
    writeFileSync(join(root, "service-worker.js"), serviceWorker([], "off", false));
    await page.reload();
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([]);
  });
});
