// The measurements behind `make bench` and the budgets in `make test`: the release build in
// dist/ served with compression like a static host, Lighthouse 12 (mobile, simulated
// throttling), axe-core in both colour schemes, keystroke latency in the password field (from
// the input event to the checklist and to the strength meter), and what hydrating an island on
// demand costs on a slow connection. The floor is the same article as one plain HTML page,
// generated here from the seed.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import { listening } from "../tests/listening.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const out = join(root, "bench-results");
export const APP_PORT = 4310;
export const FLOOR_PORT = 4311;
/**
 * One page of each route, from the list the build writes (`dist/routes.json`, from the site's
 * route table), and "Page not found": for a route with many pages, the largest, so the budgets
 * hold for the heaviest; the search with results. `article` pages have the tighter budget.
 */
export const ROUTES = [
  ...JSON.parse(readFileSync(join(root, "dist/routes.json"), "utf8")).map(({ paths, article }) => {
    const size = (path) => statSync(join(root, "dist", path, "index.html")).size;
    const path = paths.reduce((largest, path) => (size(path) > size(largest) ? path : largest));
    return { path: path === "/search" ? "/search?q=georgia" : path, article };
  }),
  // "Page not found", as /404.html: Lighthouse refuses to audit a 404 answer, which is this page.
  { path: "/404.html", article: true },
];
/** The byte budgets (KB transferred, compressed, on a direct visit): the issue's, per kind. */
export const BUDGET_KB = { article: 40, other: 120 };
export const budgetOf = (route) => (route.article ? BUDGET_KB.article : BUDGET_KB.other);
/** The targets printed beside the figures: Lighthouse performance, total blocking time. */
export const TARGETS = { performance: 98, lcpRatio: 1.1, tbtMs: (route) => (route.article ? 50 : 100) };
export const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The article as the plainest possible page: the floor any app is compared with. */
export function writeFloor() {
  const lines = readFileSync(join(root, "tests/seed/georgia.txt"), "utf8").split("\n").slice(6).filter(Boolean);
  const [updated, ...article] = lines;
  const body = article
    .map((line) => (/[.:)]$/.test(line) ? `<p>${escape(line)}</p>` : `<h2>${escape(line)}</h2>`))
    .join("\n");
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Relations with Georgia</title><meta name="description" content="Georgia is one of NATO’s closest partners."><link rel="icon" href="data:,"><style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:0 1rem;line-height:1.6}</style></head><body><main><h1>Relations with Georgia</h1><p>${escape(updated)}</p>\n${body}</main></body></html>`;
  mkdirSync(join(out, "floor"), { recursive: true });
  writeFileSync(join(out, "floor", "index.html"), html);
}

export function serve(dir, port) {
  const server = spawn("node", [join(root, "scripts/static-server.mjs"), "--root", dir, "--port", String(port)], { stdio: "ignore" });
  return listening(port).then(() => server);
}

const BYTE_TYPES = [["wasm", /\.wasm$/], ["js", /\.m?js$/], ["css", /\.css$/], ["json", /\.json$/]];

/** The median of `runs` Lighthouse runs, metric by metric. */
export async function lighthouseMedian(url, port, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouseRun(url, port));
  const median = (pick) => [...all.map(pick)].sort((a, b) => a - b)[Math.floor(all.length / 2)];
  const typical = all.find((run) => run.totalKb === median((r) => r.totalKb));
  return {
    ...typical,
    performance: median((r) => r.performance),
    fcpMs: median((r) => r.fcpMs),
    lcpMs: median((r) => r.lcpMs),
    tbtMs: median((r) => r.tbtMs),
  };
}

export async function lighthouseRun(url, port) {
  const { lhr } = await lighthouse(url, { port, output: "json", logLevel: "error" });
  if (!lhr.audits["network-requests"].details) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError?.message ?? lhr.audits["network-requests"].errorMessage}`);
  const bytes = { wasm: 0, js: 0, css: 0, json: 0, html: 0, other: 0 };
  for (const item of lhr.audits["network-requests"].details.items) {
    const path = new URL(item.url).pathname;
    const type = item.resourceType === "Document" ? "html" : BYTE_TYPES.find(([, re]) => re.test(path))?.[0] ?? "other";
    bytes[type] += item.transferSize ?? 0;
  }
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    fcpMs: Math.round(lhr.audits["first-contentful-paint"].numericValue),
    lcpMs: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
    tbtMs: Math.round(lhr.audits["total-blocking-time"].numericValue),
    bytes,
    totalKb: Math.round(Object.values(bytes).reduce((a, b) => a + b, 0) / 102.4) / 10,
    loadedEstimator: lhr.audits["network-requests"].details.items.some((item) => /estimator/.test(item.url)),
  };
}

export async function axeViolations(browser, url) {
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const counts = {};
  for (const colorScheme of ["light", "dark"]) {
    const page = await browser.newPage({ colorScheme });
    await page.goto(url);
    await page.locator("main h1").waitFor();
    await page.evaluate(source);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    counts[colorScheme] = result.violations.length;
    await page.close();
  }
  return counts;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100 : null;
};

/** The names the app shares with its loader and its tests (crates/web/shared-names.json). */
const names = JSON.parse(readFileSync(join(root, "crates/web/shared-names.json"), "utf8"));

/** Runs in the page before its scripts: `window.__hydratedAt` is when every island of the page had hydrated. */
function recordHydrationTime(hydrated) {
  new MutationObserver((_, observer) => {
    const islands = document.querySelectorAll("leptos-island");
    if (islands.length && [...islands].every((island) => island.hasAttribute(hydrated))) {
      window.__hydratedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: [hydrated] });
}

/**
 * 200 keystrokes in the password field, 20 characters at a time: how long the checklist and the
 * strength take to update, and the main-thread tasks over 50 ms after hydration (the estimator
 * loads in its worker meanwhile, and must not make typing stutter).
 */
export async function keystrokeLatency(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(recordHydrationTime, names.marks.hydrated);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((t) => [t.startTime, t.duration]))).observe({ type: "longtask" });
  });
  await page.goto(url);
  const field = page.locator("#password");
  await field.focus();
  await page.waitForFunction(() => window.__hydratedAt);
  await page.evaluate(() => {
    const latency = (window.__latency = { checklist: [], strength: [] });
    let started = 0;
    let waiting = { checklist: false, strength: false };
    document.querySelector("#password").addEventListener("input", () => {
      started = performance.now();
      waiting = { checklist: true, strength: true };
    }, { capture: true });
    const watch = (selector, kind, done = () => true) =>
      new MutationObserver(() => {
        if (waiting[kind] && done()) {
          latency[kind].push(performance.now() - started);
          waiting[kind] = false;
        }
      }).observe(document.querySelector(selector), { subtree: true, childList: true, attributes: true, characterData: true });
    watch("#password-checklist", "checklist");
    watch("#password-strength", "strength", () => !document.querySelector("#password-strength p").textContent.includes("checking"));
  });
  const sample = "Kutaisi-Rioni-88!Bat";
  for (let round = 0; round < 10; round++) {
    await field.fill("");
    await field.pressSequentially(sample, { delay: 80 });
  }
  const latency = await page.evaluate(() => window.__latency);
  const longTasks = await page.evaluate(() => window.__longTasks.filter(([start]) => start >= window.__hydratedAt).map(([, duration]) => duration));
  await page.close();
  const summary = (values) => ({ samples: values.length, medianMs: percentile(values, 50), p95Ms: percentile(values, 95) });
  return {
    checklist: summary(latency.checklist),
    strength: summary(latency.strength),
    longTasks: { count: longTasks.length, longestMs: Math.round(Math.max(0, ...longTasks)) },
  };
}

/**
 * What hydrating on demand costs a visitor on a slow phone: on a throttled connection (150 ms
 * RTT, 1.6 Mbit/s, CPU 4× slower), how long from reaching for an island (focus on the form's
 * first field, the pointer over "Dismiss") until it runs, and what it downloads meanwhile.
 */
export async function reachToReady(browser, url, reach) {
  // A context of its own, nothing in its cache, and no service worker: the first visit of a
  // reader who reaches for an island before the worker has cached the site in the background.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(recordHydrationTime, names.marks.hydrated);
  await page.goto(url, { waitUntil: "networkidle" });
  const reachedAt = await page.evaluate(() => performance.now());
  await reach(page);
  await page.waitForFunction(() => window.__hydratedAt, null, { timeout: 60_000 });
  const { readyMs, bytes } = await page.evaluate((reachedAt) => ({
    readyMs: window.__hydratedAt - reachedAt,
    bytes: performance.getEntriesByType("resource").filter((e) => e.startTime >= reachedAt).reduce((sum, e) => sum + e.transferSize, 0),
  }), reachedAt);
  await context.close();
  return { readyMs: Math.round(readyMs), kb: Math.round(bytes / 102.4) / 10 };
}
