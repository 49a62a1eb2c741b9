// Every route is prerendered at build time: without JavaScript the page reads and its links
// work; with JavaScript its islands hydrate the same DOM — no element added or removed, no
// console error — and everything works after it.
import { test, expect, seed, SECTIONS, PLACES, names, hydrateIslands } from "./fixtures.js";

const ROUTES = [
  ["/", "Relations with Georgia", "Georgia is one of NATO’s closest partners."],
  ...SECTIONS.map((s) => [`/sections/${s.slug}`, s.heading, null]),
  ["/regions", "Regions and countries", "Abkhazia"],
  ...PLACES.map((slug) => [`/regions/${slug}`, null, "From the article"]),
  ["/search", "Search", null],
  ["/timeline", "Key dates", "19 August 2008"],
  ["/newsletter", "Subscribe to the newsletter", seed.siteLines[1]],
  ["/account/register", "Create an account", seed.siteLines[4]],
  ["/account/sign-in", "Sign in", "Forgot your password?"],
  ["/account/forgot-password", "Reset your password", seed.siteLines[2]],
];

test("the build lists exactly these routes, from the app's route table", async ({ request }) => {
  const listed = await (await request.get("/routes.json")).json();
  expect(listed.flatMap((route) => route.paths).sort()).toEqual(ROUTES.map(([route]) => route).sort());
  expect(listed.map((route) => route.pattern)).toContain("/sections/:slug");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const [route, heading, text] of ROUTES) {
    test(`${route} shows its content`, async ({ page }) => {
      await page.goto(route);
      const h1 = page.getByRole("heading", { level: 1 });
      if (heading) await expect(h1).toHaveText(heading);
      else await expect(h1).not.toBeEmpty();
      if (text) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
    });
  }

  test("the links between pages work and the article is whole", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "Wider cooperation" }).click();
    await expect(page).toHaveURL("/sections/wider-cooperation");
    await expect(page.getByText(seed.articleLines.at(-1))).toBeVisible();
    await page.getByRole("link", { name: "Abkhazia" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abkhazia");
  });

  test("forms and the search say they need JavaScript", async ({ request }) => {
    // Checked in the served HTML: Chromium with scripts disabled by the test driver still
    // parses <noscript> as if scripts ran, so it would not show it.
    for (const route of ["/newsletter", "/account/register", "/account/sign-in", "/account/forgot-password"]) {
      const html = await (await request.get(route)).text();
      expect(html).toContain('<noscript class="needs-js">This form needs JavaScript. Turn JavaScript on in your browser to use it.</noscript>');
    }
    const search = await (await request.get("/search")).text();
    expect(search).toContain('<noscript class="needs-js">Searching needs JavaScript. Turn JavaScript on in your browser to search.</noscript>');
  });
});

async function watchHydration(page) {
  await page.addInitScript(() => {
    window.__bodyChanges = [];
    document.addEventListener("DOMContentLoaded", () => {
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of [...record.addedNodes, ...record.removedNodes]) {
            if (node.nodeType === Node.ELEMENT_NODE) window.__bodyChanges.push(`${record.addedNodes.length ? "added" : "removed"} <${node.tagName.toLowerCase()}>`);
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
}

test.describe("with JavaScript", () => {
  for (const [route] of ROUTES) {
    test(`${route}: its islands hydrate without adding or removing an element`, async ({ page }) => {
      await watchHydration(page);
      await page.goto(route);
      await hydrateIslands(page);
      await page.waitForTimeout(100);
      expect(await page.evaluate(() => window.__bodyChanges)).toEqual([]);
    });
  }

  test("everything works after hydration: links, the region filter, the banner, a form", async ({ page }) => {
    await page.goto("/regions");
    await hydrateIslands(page);
    await page.getByLabel("Filter regions").fill("jor");
    await expect(page.locator("ul.region-list > li")).toHaveCount(1);
    await page.getByRole("region", { name: "Announcement" }).getByRole("button", { name: "Dismiss" }).click();
    await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
    await page.getByRole("link", { name: "Jordan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jordan");
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toBeFocused();
  });

  test("a shared filtered view applies its query after hydration", async ({ page }) => {
    await page.goto("/regions?q=oss");
    await expect(page.locator("body")).toHaveAttribute(names.marks.hydrated, "");
    await expect(page.getByLabel("Filter regions")).toHaveValue("oss");
    await expect(page.locator("ul.region-list > li")).toHaveCount(1);
  });
});

/** Holds the bundles back, so the islands stay as prerendered until `release()`. */
async function holdTheApp(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/\/[a-z]+-[0-9a-f]{16}(\.js|_bg\.wasm)$/, async (route) => {
    await released;
    await route.fallback();
  });
  return release;
}

/** The page's last island (the page's own, after the frame's). */
const pageIsland = (page) => page.locator("leptos-island").last();

test("what is typed into a prerendered form before its island runs is kept and checked", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("/account/register", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Email address").fill("early@example.org");
  await page.getByLabel("Password", { exact: true }).fill("Vq7#t!mZ2@pL9w-Kutaisi");
  await page.getByRole("checkbox", { name: /newsletter/ }).check();
  await expect(pageIsland(page)).not.toHaveAttribute(names.marks.hydrated);
  release();
  await expect(pageIsland(page)).toHaveAttribute(names.marks.hydrated, "");
  await expect(page.getByLabel("Email address")).toHaveValue("early@example.org");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("Vq7#t!mZ2@pL9w-Kutaisi");
  await expect(page.getByRole("checkbox", { name: /newsletter/ })).toBeChecked();
  await expect(page.locator('[data-rule="length"]')).toHaveAttribute("data-met", "true");
  await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
});

test.describe("browser-only state shows no jump: before the app runs, the prerendered page already hides", () => {
  test("a dismissed announcement", async ({ page }) => {
    await page.addInitScript(
      ([key, value]) => localStorage.setItem(key, value),
      [names.storage.dismissedAnnouncement, "From now on you can download videos from our website"],
    );
    const release = await holdTheApp(page);
    await page.goto("/sections/wider-cooperation", { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Announcement" })).toBeHidden();
    release();
    await hydrateIslands(page);
    await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
  });

  test("a different, new announcement still shows", async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [names.storage.dismissedAnnouncement, "An older announcement"]);
    const release = await holdTheApp(page);
    await page.goto("/", { waitUntil: "load" });
    await expect(page.getByRole("region", { name: "Announcement" })).toBeVisible();
    release();
    await hydrateIslands(page);
    await expect(page.getByRole("region", { name: "Announcement" })).toBeVisible();
  });

  test("before any module runs: the marks in <head> hide the dismissed announcement, not a new one", async ({ page }) => {
    await page.route(
      (url) => url.pathname === "/",
      async (route) => {
        const served = await route.fetch();
        const body = (await served.text()).replace(/<script type="module">[\s\S]*?<\/script>/, "");
        await route.fulfill({ response: served, body });
      },
    );
    const banner = page.getByRole("region", { name: "Announcement" });
    for (const [stored, shown] of [
      ["From now on you can download videos from our website", false],
      ["An older announcement", true],
    ]) {
      await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [names.storage.dismissedAnnouncement, stored]);
      await page.goto("/", { waitUntil: "load" });
      await expect(page.locator("script[type=module]")).toHaveCount(0);
      await expect(banner, stored).toBeVisible({ visible: shown });
    }
  });

  test.describe("signed in", () => {
    test.use({ allowedConsoleErrors: [/status of 401/] });

    test("'Sign in' for a visitor who signed in, until the app has checked the session", async ({ page }) => {
      await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [names.storage.accountEmail, "reader@example.org"]);
      const release = await holdTheApp(page);
      await page.goto("/", { waitUntil: "load" });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Sign in" })).toBeHidden();
      release();
      await expect(page.locator("body")).toHaveAttribute(names.marks.hydrated, "");
      // No session cookie: the API says so, the hint is dropped and "Sign in" is offered again.
      await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    });
  });

  test("the unfiltered list of a shared filtered view", async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto("/regions?q=oss", { waitUntil: "load" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("ul.region-list")).toBeHidden();
    release();
    await expect(page.locator("body")).toHaveAttribute(names.marks.hydrated, "");
    await expect(page.locator("ul.region-list > li")).toHaveCount(1);
    await expect(page.locator("ul.region-list")).toBeVisible();
  });
});

test("clicks on buttons before the islands run are not lost: they take effect once they run", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("/account/sign-in", { waitUntil: "load" });
  await page.getByRole("button", { name: "Show password" }).click();
  await page.getByRole("region", { name: "Announcement" }).getByRole("button", { name: "Dismiss" }).click();
  await expect(pageIsland(page)).not.toHaveAttribute(names.marks.hydrated);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");
  release();
  await expect(pageIsland(page)).toHaveAttribute(names.marks.hydrated, "");
  await expect(page.getByRole("region", { name: "Announcement" })).toHaveCount(0);
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "text");
  await expect(page.getByRole("button", { name: "Hide password" })).toBeVisible();
});
