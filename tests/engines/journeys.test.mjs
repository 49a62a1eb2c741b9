// The core journeys in every engine besides Chromium (which the Playwright suite covers whole):
// a prerendered page runs, its islands hydrate without changing an element, in-app navigation moves focus and sets the title, an island hydrates
// when reached for and the frame's islands keep their state from page to page (with a second
// bundle in the document), the region filter, a search's first results and the island's, the
// password checklist and the strength
// estimator's worker, the newsletter's error summary, a full sign-up against the real API,
// "Page not found", and offline reading after one visit. Against the release build in dist/,
// served as a static host serves it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { listening } from "../listening.mjs";
import { engines, waitFor } from "./browsers.mjs";

const names = JSON.parse(readFileSync(new URL("../../crates/web/shared-names.json", import.meta.url), "utf8"));
const SITE = 4281;
const API = 4282;
const OFFLINE_SITE = 4283;
// dist/ without the search's wasm: its first results stay as its script made them.
const WITHOUT_SEARCH_CODE = 4284;
const withoutSearchCode = "target/engines-without-search-code";
const site = `http://127.0.0.1:${SITE}`;
const PASSWORD = "Vq7#t!mZ2@pL9w-Kutaisi";
const hydrated = `document.body.hasAttribute(${JSON.stringify(names.marks.hydrated)})`;
const heading = `document.querySelector("main h1")?.textContent`;

function serve(port, ...extra) {
  return serveFrom("dist", port, ...extra);
}

function serveFrom(root, port, ...extra) {
  return spawn("node", ["scripts/static-server.mjs", "--root", root, "--port", String(port), ...extra], { stdio: "ignore" });
}

const servers = [];
before(async () => {
  rmSync("target/engines-api.sqlite3", { force: true });
  const env = {
    ...process.env,
    NATO_API_DEV: "1",
    NATO_API_ADDRESS: `127.0.0.1:${API}`,
    NATO_API_DATABASE: "target/engines-api.sqlite3",
    NATO_API_TRUSTED_PROXIES: "127.0.0.1",
    RUST_LOG: "warn",
  };
  servers.push(spawn("target/debug/nato-georgia-api", [], { stdio: "ignore", env }));
  servers.push(serve(SITE, "--api", `http://127.0.0.1:${API}`));
  rmSync(withoutSearchCode, { recursive: true, force: true });
  cpSync("dist", withoutSearchCode, { recursive: true });
  for (const file of readdirSync(withoutSearchCode).filter((name) => /^search-.*\.wasm/.test(name))) rmSync(`${withoutSearchCode}/${file}`);
  servers.push(serveFrom(withoutSearchCode, WITHOUT_SEARCH_CODE));
  await Promise.all([API, SITE, WITHOUT_SEARCH_CODE].map((port) => listening(port)));
});
after(() => servers.forEach((server) => server.kill()));

for (const engine of engines) {
  describe(engine.name, () => {
    let page;
    before(async () => {
      page = await engine.open();
      console.log(`${engine.name}: ${page.version}`);
    });
    after(() => page?.close());

    async function open(path) {
      await page.goto(`${site}${path}`);
      await waitFor(page, hydrated);
    }

    it("a prerendered page runs", async () => {
      await open("/sections/wider-cooperation");
      assert.equal(await page.evaluate(heading), "Wider cooperation");
    });

    it("islands hydrate without adding or removing an element", async () => {
      for (const path of ["/sections/wider-cooperation", "/regions", "/timeline", "/account/register"]) {
        await open(path);
        await page.evaluate(`(() => {
          window.__bodyChanges = [];
          new MutationObserver((records) => {
            for (const record of records) {
              for (const node of [...record.addedNodes, ...record.removedNodes]) {
                if (node.nodeType === Node.ELEMENT_NODE) window.__bodyChanges.push(node.tagName.toLowerCase());
              }
            }
          }).observe(document.body, { childList: true, subtree: true });
          document.querySelector("leptos-island").dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
        })()`);
        const islands = `[...document.querySelectorAll("leptos-island")]`;
        await waitFor(page, `${islands}.every((island) => island.hasAttribute(${JSON.stringify(names.marks.hydrated)}))`);
        await sleep(100);
        assert.deepEqual(await page.evaluate(`window.__bodyChanges`), [], path);
      }
    });

    it("in-app navigation moves focus to the heading and sets the title", async () => {
      await open("/sections/wider-cooperation");
      await page.click(`nav[aria-label="Site"] a[href="/regions"]`);
      await waitFor(page, `location.pathname === "/regions" && document.activeElement === document.querySelector("main h1")`);
      assert.equal(await page.evaluate("document.title"), "Regions and countries — Relations with Georgia");
    });

    it("islands hydrate when reached for, and the frame's keep their state across pages and bundles", async () => {
      await page.evaluate(`localStorage.clear()`);
      await open("/sections/wider-cooperation");
      await page.click(".announcement button");
      await waitFor(page, `document.querySelector(".announcement").hidden`);
      await page.click(`nav[aria-label="Site"] a[href="/regions"]`);
      await waitFor(page, `location.pathname === "/regions" && document.querySelector(".announcement").hidden`);
      await page.type("#region-filter", "jor");
      await waitFor(page, `document.querySelectorAll(".region-list > li").length === 1`);
      await page.click(`.account-links a`);
      await waitFor(page, `${heading} === "Sign in"`);
      await page.click(`main form button[type=submit]`);
      await waitFor(page, `document.activeElement?.id === "error-summary"`);
    });

    it("dismissing the announcement with the keyboard moves focus to the main content", async () => {
      await page.evaluate(`localStorage.clear()`);
      await open("/sections/wider-cooperation");
      await page.evaluate(`document.querySelector(".announcement button").focus()`);
      await page.press("Enter");
      await waitFor(page, `document.querySelector(".announcement").hidden && document.activeElement === document.querySelector("main")`);
    });

    it("the region filter filters as you type, and keeps it in the URL", async () => {
      await open("/regions");
      await page.type("#region-filter", "oss");
      await waitFor(page, `location.search === "?q=oss"`);
      const shown = await page.evaluate(`[...document.querySelectorAll(".region-list .region-name")].map((a) => a.textContent)`);
      assert.ok(shown.length > 0 && shown.every((name) => /oss/i.test(name)), shown.join(", "));
    });

    it("a search shows its results before its code, and the island finds the same", async () => {
      const words = encodeURIComponent('"peaceful resolution" ossétia nato');
      const shown = (root) => `(() => {
        const root = document.querySelector(${JSON.stringify(root)});
        const text = (item) => item.lastElementChild.innerHTML.replace(/<!---->/g, "");
        return JSON.stringify({ status: root.querySelector("p").textContent, results: [...root.querySelectorAll("li")].map((item) => [item.querySelector("a").getAttribute("href"), text(item)]) });
      })()`;
      const first = `.${names.classes.searchFirst}`;
      await page.goto(`http://127.0.0.1:${WITHOUT_SEARCH_CODE}/search?q=${words}`);
      await waitFor(page, `!!document.querySelector(${JSON.stringify(`${first} li mark`)})`);
      const before = await page.evaluate(shown(first));
      await open(`/search?q=${words}`);
      await waitFor(page, `!document.querySelector(${JSON.stringify(first)}) && /match/.test(document.querySelector(".search [role=status]").textContent)`);
      assert.equal(await page.evaluate(shown(".search leptos-island")), before);
    });

    it("the password checklist follows the typing, and the strength estimator's worker answers", async () => {
      await open("/account/register");
      await page.type("#password", PASSWORD);
      await waitFor(page, `document.querySelectorAll("[data-rule][data-met=true]").length === 6`);
      await waitFor(page, `Number(document.querySelector("meter[data-score]")?.dataset.score) >= 3`);
    });

    it("the newsletter's error summary takes focus and links to the fields", async () => {
      await open("/newsletter");
      await page.click(`main form button[type=submit]`);
      await waitFor(page, `document.activeElement?.id === "error-summary"`);
      const summary = await page.evaluate(`document.querySelector("#error-summary").textContent`);
      assert.match(summary, /Enter your email address/);
      assert.match(summary, /Select “I agree”/);
    });

    it("a full sign-up against the real API", async () => {
      const email = `${engine.name.replace(/\W/g, "").toLowerCase()}.${Date.now()}@example.org`;
      await open("/account/register");
      await page.type("#email", email);
      await page.type("#password", PASSWORD);
      await waitFor(page, `Number(document.querySelector("meter[data-score]")?.dataset.score) >= 3`);
      await page.click(`main form button[type=submit]`);
      await waitFor(page, `${heading} === "Check your email"`);
      const outbox = await (await fetch(`${site}/api/dev/outbox`)).json();
      const code = outbox.filter((mail) => mail.to === email).at(-1).body.match(/\b\d{6}\b/)[0];
      await page.type("#code", code);
      await page.click(`main form button[type=submit]`);
      await waitFor(page, `${heading} === "Your account is ready"`);
    });

    it('an unknown path shows "Page not found"', async () => {
      await page.goto(`${site}/no-such-page`);
      await waitFor(page, `${heading} === "Page not found"`);
    });

    it("after one visit, the site reads with its host gone", async () => {
      const host = serve(OFFLINE_SITE);
      await listening(OFFLINE_SITE);
      const origin = `http://127.0.0.1:${OFFLINE_SITE}`;
      try {
        await page.goto(`${origin}/`);
        await waitFor(page, hydrated);
        await waitFor(page, "navigator.serviceWorker.controller !== null", 30_000);
      } finally {
        host.kill();
      }
      await sleep(300);
      for (const [path, title] of [["/regions/abkhazia", "Abkhazia"], ["/timeline", "Key dates"], ["/no-such-page", "Page not found"]]) {
        await page.goto(`${origin}${path}`);
        await waitFor(page, `${heading} === ${JSON.stringify(title)}`);
      }
    });
  });
}
