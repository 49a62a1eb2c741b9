// make bench: every figure for each route and for the static floor — Lighthouse as the median of
// three runs — as a table and as bench-results/bench.json; then what on-demand hydration costs.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "playwright-core";
import {
  APP_PORT, CHROME_FLAGS, FLOOR_PORT, ROUTES, TARGETS, axeViolations, budgetOf, keystrokeLatency, lighthouseMedian, out, reachToReady, root, serve,
  writeFloor,
} from "./measure.mjs";

const RUNS = 3;

async function main() {
  writeFloor();
  const servers = [await serve(join(root, "dist"), APP_PORT), await serve(join(out, "floor"), FLOOR_PORT)];
  const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROME_FLAGS.slice(1) });
  try {
    const floor = await lighthouseMedian(`http://127.0.0.1:${FLOOR_PORT}/`, chrome.port, RUNS);
    const routes = [];
    for (const route of ROUTES) {
      const url = `http://127.0.0.1:${APP_PORT}${route.path}`;
      const figures = await lighthouseMedian(url, chrome.port, RUNS);
      routes.push({ ...route, ...figures, budgetKb: budgetOf(route), lcpRatio: Math.round((figures.lcpMs / floor.lcpMs) * 100) / 100, axe: await axeViolations(browser, url) });
    }
    const keystrokes = await keystrokeLatency(browser, `http://127.0.0.1:${APP_PORT}/account/register`);
    const onDemand = {
      form: await reachToReady(browser, `http://127.0.0.1:${APP_PORT}/account/register`, (page) => page.locator("#email").focus()),
      dismiss: await reachToReady(browser, `http://127.0.0.1:${APP_PORT}/`, (page) => page.locator(".announcement button").hover()),
    };
    const result = {
      measuredAt: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, ${cpus().length} cores, Chromium ${await browser.version()}, Node ${process.version}, Lighthouse 12.2.3 mobile (simulated throttling), median of ${RUNS} runs`,
      floor,
      routes,
      keystrokes,
      onDemand,
    };
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "bench.json"), JSON.stringify(result, null, 2));
    printTable(result);
  } finally {
    await browser.close();
    await chrome.kill();
    servers.forEach((server) => server.kill());
  }
}

function printTable({ measuredAt, machine, floor, routes, keystrokes, onDemand }) {
  const row = (name, r, extra = "") =>
    `| ${name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.fcpMs} | ${r.lcpMs} | ${r.lcpRatio ?? "1.00"} | ${r.tbtMs} | ${r.totalKb} | ${r.bytes.wasm} / ${r.bytes.js} / ${r.bytes.json} / ${r.bytes.html} | ${extra}`;
  console.log(`\nMeasured ${measuredAt} on ${machine}\n`);
  console.log("| route | perf | a11y | best pr. | SEO | FCP ms | LCP ms | LCP / floor | TBT ms | KB (budget) | bytes wasm / js / json / html | axe light / dark |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(row("floor (static HTML)", floor, " |"));
  for (const r of routes) {
    const kb = `${r.totalKb} (${r.budgetKb})`;
    console.log(row(`\`${r.path}\``, { ...r, totalKb: kb }, `${r.axe.light} / ${r.axe.dark} |`));
  }
  const missed = routes.filter((r) => r.performance < TARGETS.performance || r.tbtMs > TARGETS.tbtMs(r) || r.lcpRatio > TARGETS.lcpRatio);
  console.log(`\nTargets (performance ≥ ${TARGETS.performance}, TBT ≤ 50 ms on the article's pages and ≤ 100 ms elsewhere, LCP ≤ ${TARGETS.lcpRatio} × the floor): ${missed.length ? `missed on ${missed.map((r) => r.path).join(", ")}` : "met on every route"}.`);
  console.log(`Password field, 200 keystrokes: checklist median ${keystrokes.checklist.medianMs} ms, p95 ${keystrokes.checklist.p95Ms} ms (${keystrokes.checklist.samples} samples); strength median ${keystrokes.strength.medianMs} ms, p95 ${keystrokes.strength.p95Ms} ms (${keystrokes.strength.samples} samples); main-thread tasks over 50 ms after hydration, while the estimator loaded and during typing: ${keystrokes.longTasks.count} (longest ${keystrokes.longTasks.longestMs} ms).`);
  console.log(`On demand, throttled (150 ms RTT, 1.6 Mbit/s, CPU 4×): focus on the registration form's first field → the form runs in ${onDemand.form.readyMs} ms (${onDemand.form.kb} KB); the pointer over "Dismiss" on \`/\` → it runs in ${onDemand.dismiss.readyMs} ms (${onDemand.dismiss.kb} KB).`);
}

await main();
