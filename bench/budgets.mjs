// The budgets `make test` enforces on the release build, one Lighthouse run per route (the
// largest page of each, the search with results, "Page not found"): the bytes a direct visit
// transfers, within 40 KB on the article's pages and 120 KB on the others; Lighthouse
// accessibility 100, best practices ≥ 96 and SEO 100; no password estimator on a first view;
// keystroke → checklist p95 ≤ 16 ms. Performance, total blocking time and LCP against the floor
// vary from run to run: they are printed with their targets, and `make bench` measures them
// as the median of three runs (docs/benchmarks.md).
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "playwright-core";
import { join } from "node:path";
import {
  APP_PORT, CHROME_FLAGS, FLOOR_PORT, ROUTES, TARGETS, budgetOf, keystrokeLatency, lighthouseRun, out, serve, writeFloor,
} from "./measure.mjs";

writeFloor();
const servers = [await serve(join(out, "..", "dist"), APP_PORT), await serve(join(out, "floor"), FLOOR_PORT)];
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROME_FLAGS.slice(1) });
const failures = [];
const checks = [];
const check = (ok, what) => {
  checks.push(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
try {
  const floor = await lighthouseRun(`http://127.0.0.1:${FLOOR_PORT}/`, chrome.port);
  for (const route of ROUTES) {
    const { path } = route;
    const r = await lighthouseRun(`http://127.0.0.1:${APP_PORT}${path}`, chrome.port);
    check(r.totalKb <= budgetOf(route), `${path}: a direct visit transfers ${r.totalKb} KB compressed (budget ≤ ${budgetOf(route)} KB)`);
    check(!r.loadedEstimator, `${path}: the password estimator is not loaded on the first view`);
    check(r.accessibility === 100, `${path}: Lighthouse accessibility ${r.accessibility} (budget 100)`);
    check(r.bestPractices >= 96, `${path}: Lighthouse best practices ${r.bestPractices} (budget ≥ 96)`);
    check(r.seo === 100, `${path}: Lighthouse SEO ${r.seo} (budget 100)`);
    const ratio = (r.lcpMs / floor.lcpMs).toFixed(2);
    checks.push(
      `info ${path}: performance ${r.performance} (target ≥ ${TARGETS.performance}), TBT ${r.tbtMs} ms (target ≤ ${TARGETS.tbtMs(route)}), LCP ${r.lcpMs} ms = ${ratio} × the floor's ${floor.lcpMs} ms (target ≤ ${TARGETS.lcpRatio})`,
    );
  }
  const keystrokes = await keystrokeLatency(browser, `http://127.0.0.1:${APP_PORT}/account/register`);
  check(keystrokes.checklist.p95Ms <= 16, `keystroke → checklist p95 ${keystrokes.checklist.p95Ms} ms over ${keystrokes.checklist.samples} keystrokes (budget ≤ 16 ms)`);
  checks.push(`info typing while the estimator loads: ${keystrokes.longTasks.count} main-thread tasks over 50 ms (longest ${keystrokes.longTasks.longestMs} ms; target 0)`);
} finally {
  await browser.close();
  await chrome.kill();
  servers.forEach((server) => server.kill());
}
console.log(checks.join("\n"));
const passed = checks.filter((line) => line.startsWith("ok")).length;
console.log(`budgets: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
