// Shared test setup: every test fails on a console error or an uncaught exception in the page,
// unless it declares the errors it provokes.
import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

export const test = base.extend({
  /** Console messages matching these patterns are expected by the test (e.g. a provoked 404). */
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors, javaScriptEnabled }, use) => {
    // A page shows everything before it runs; a test that clicks or types must wait until its
    // loader has started it (as a person would, a moment later). Explicit `waitUntil` options
    // and pages without JavaScript are left alone.
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (javaScriptEnabled !== false && !options?.waitUntil) await waitForAppToRun(page);
      return response;
    };
    const errors = [];
    page.on("console", (message) => {
      if (message.type() === "error" && !allowedConsoleErrors.some((pattern) => pattern.test(message.text()))) {
        errors.push(`console: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await use(page);
    expect(errors, "the page logged errors").toEqual([]);
  },
});

export { expect };

const seedLines = readFileSync(new URL("../seed/georgia.txt", import.meta.url), "utf8").split("\n");

/** The names the app shares with its loader, its stylesheet and these tests: storage keys, the
 *  marks on <html> and <body>, the content file (crates/web/shared-names.json, their one definition). */
export const names = JSON.parse(readFileSync(new URL("../../crates/web/shared-names.json", import.meta.url), "utf8"));

/** The seed's site texts (its first six lines) and its article (the rest). */
export const seed = {
  siteLines: seedLines.slice(0, 6),
  articleLines: seedLines.slice(6).filter((line) => line.trim() !== ""),
};

/** Splits a line into sentences the way the content crate does. */
export function sentences(line) {
  return line
    .split(/(?<=[.?!]['"”’)]*)\s+(?=[A-Z0-9"“‘'])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Until the page runs: its loader has started it, and the islands that start at once have
 *  hydrated (the others start when reached for). */
async function waitForAppToRun(page) {
  await page.waitForFunction((marks) => document.body?.hasAttribute(marks.hydrated), names.marks, { timeout: 15_000 }).catch(() => {});
}

/** Waits until the content is shown and the page runs. */
export async function waitForApp(page) {
  await expect(page.locator("main h1")).toBeVisible();
  await waitForAppToRun(page);
}

/** Hydrates every island of the page now, as reaching for one does, and waits until they run. */
export async function hydrateIslands(page) {
  await page.locator("leptos-island").first().dispatchEvent("pointerover");
  await page.waitForFunction(
    (hydrated) => [...document.querySelectorAll("leptos-island")].every((island) => island.hasAttribute(hydrated)),
    names.marks.hydrated,
  );
}

export const SECTIONS = [
  { slug: "building-capabilities-and-interoperability", heading: "Building capabilities and interoperability" },
  { slug: "support-for-nato-led-operations", heading: "Support for NATO-led operations" },
  { slug: "wider-cooperation", heading: "Wider cooperation" },
];

export const PLACES = ["georgia", "abkhazia", "south-ossetia", "russia", "caucasus", "central-asia", "australia", "jordan", "ukraine"];
