// make bench: every figure for each route and for the static floor, as a table and as
// bench-results/bench.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "playwright-core";
import {
  APP_PORT, CHROME_FLAGS, FLOOR_PORT, ROUTES, axeViolations, contentArrival, keystrokeLatency, lighthouseRun, out, root, serve, writeFloor,
} from "./measure.mjs";

async function main() {
  writeFloor();
  const servers = [await serve(join(root, "dist"), APP_PORT), await serve(join(out, "floor"), FLOOR_PORT)];
  const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROME_FLAGS.slice(1) });
  try {
    const floor = await lighthouseRun(`http://127.0.0.1:${FLOOR_PORT}/`, chrome.port);
    const routes = [];
    for (const route of ROUTES) {
      const url = `http://127.0.0.1:${APP_PORT}${route}`;
      const figures = await lighthouseRun(url, chrome.port);
      routes.push({ route, ...figures, lcpRatio: Math.round((figures.lcpMs / floor.lcpMs) * 100) / 100, axe: await axeViolations(browser, url) });
    }
    const keystrokes = await keystrokeLatency(browser, `http://127.0.0.1:${APP_PORT}/account/register`);
    const content = await contentArrival(browser, `http://127.0.0.1:${APP_PORT}/`);
    const result = {
      measuredAt: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, ${cpus().length} cores, Chromium ${(await browser.version())}, Node ${process.version}, Lighthouse 12.2.3 mobile (simulated throttling)`,
      floor,
      routes,
      keystrokes,
      content,
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

function printTable({ measuredAt, machine, floor, routes, keystrokes, content }) {
  const row = (name, r, axe = "") =>
    `| ${name} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.fcpMs} | ${r.lcpMs} | ${r.lcpRatio ?? "1.00"} | ${r.tbtMs} | ${r.totalKb} | ${r.bytes.wasm} / ${r.bytes.js} / ${r.bytes.css} / ${r.bytes.json} / ${r.bytes.html} | ${axe} |`;
  console.log(`\nMeasured ${measuredAt} on ${machine}\n`);
  console.log("| route | perf | a11y | best pr. | SEO | FCP ms | LCP ms | LCP / floor | TBT ms | KB | bytes wasm / js / css / json / html | axe light / dark |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(row("floor (static HTML)", floor));
  for (const r of routes) console.log(row(`\`${r.route}\``, r, `${r.axe.light} / ${r.axe.dark}`));
  console.log(`\nPassword field, 200 keystrokes: checklist median ${keystrokes.checklist.medianMs} ms, p95 ${keystrokes.checklist.p95Ms} ms (${keystrokes.checklist.samples} samples); strength median ${keystrokes.strength.medianMs} ms, p95 ${keystrokes.strength.p95Ms} ms (${keystrokes.strength.samples} samples); main-thread tasks over 50 ms after hydration, while the estimator loaded and during typing: ${keystrokes.longTasks.count} (longest ${keystrokes.longTasks.longestMs} ms).`);
  console.log(`Content JSON fetched or embedded? On \`/\`, throttled (150 ms RTT, 1.6 Mbit/s, CPU 4×): the fetched JSON arrived at ${content.jsonReadyMs} ms, the wasm at ${content.wasmReadyMs} ms, hydrated at ${content.hydratedMs} ms.`);
}

await main();
