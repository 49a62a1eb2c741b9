// The whole article reaches the visitor: every sentence of the seed's article is visible on some
// page, found by following the site's own links from `/`.
import { test, expect, seed, sentences, waitForApp, SECTIONS, PLACES, names } from "./fixtures.js";

const normalise = (text) => text.replace(/\s+/g, " ").trim();

test("crawling from / shows every sentence of the seed's article", async ({ page }) => {
  const toVisit = ["/"];
  const visited = new Set();
  const pageTexts = [];
  while (toVisit.length > 0) {
    const path = toVisit.shift();
    if (visited.has(path)) continue;
    visited.add(path);
    await page.goto(path);
    await waitForApp(page);
    pageTexts.push(normalise(await page.locator("main").innerText()));
    const hrefs = await page.locator("a[href^='/']").evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
    toVisit.push(...hrefs.filter((href) => !visited.has(href)));
  }
  const everyPage = ["/", ...SECTIONS.map((s) => `/sections/${s.slug}`), "/regions", ...PLACES.map((p) => `/regions/${p}`),
    "/timeline", "/newsletter", "/account/register", "/account/sign-in", "/account/forgot-password"];
  expect([...visited].sort()).toEqual(everyPage.sort());
  const allText = pageTexts.join("\n");
  const missing = seed.articleLines.flatMap(sentences).filter((sentence) => !allText.includes(sentence));
  expect(missing, "sentences of the seed not visible on any page").toEqual([]);
});

test("the overview shows the title, the updated date, the intro and a table of contents", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Relations with Georgia");
  await expect(page.locator("time[datetime='2025-05-09']").first()).toHaveText("09 May 2025");
  await expect(page.getByText("Updated: 09 May 2025")).toBeVisible();
  await expect(page.getByText("Georgia is one of NATO’s closest partners.", { exact: false })).toBeVisible();
  const toc = page.getByRole("navigation", { name: "Contents" });
  for (const section of SECTIONS) {
    await expect(toc.getByRole("link", { name: section.heading, exact: true })).toHaveAttribute("href", `/sections/${section.slug}`);
  }
  await expect(toc.getByRole("link", { name: "Other initiatives" })).toHaveAttribute(
    "href",
    "/sections/building-capabilities-and-interoperability#other-initiatives",
  );
});

test("a list the source announces without items shows its lead-in and no empty bullet list", async ({ page }) => {
  for (const path of ["/", ...SECTIONS.map((s) => `/sections/${s.slug}`)]) {
    await page.goto(path);
    await waitForApp(page);
    await expect(page.locator("main ul:not(:has(li)), main ol:not(:has(li))")).toHaveCount(0);
  }
  await page.goto("/sections/wider-cooperation");
  await expect(page.locator("#liaison-office-tasks")).toHaveText("The main tasks of the mission include:");
});

test("a section whose text the source lacks says so instead of showing an empty page", async ({ page }) => {
  await page.goto("/sections/support-for-nato-led-operations");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Support for NATO-led operations");
  await expect(page.getByText("The source page has this heading but no text under it yet.")).toBeVisible();
});

test("every route is prerendered with its bundle named, and 404.html is \"Page not found\" for other paths", async ({ request }) => {
  const home = await (await request.get("/")).text();
  expect(home).toContain(`<body ${names.marks.bundle}="frame" ${names.marks.returnPoint}>`);
  expect(home).toContain("<h1 tabindex=\"-1\">Relations with Georgia</h1>");
  const search = await (await request.get("/search")).text();
  expect(search).toContain(`<body ${names.marks.bundle}="search" ${names.marks.returnPoint}>`);
  const signIn = await (await request.get("/account/sign-in")).text();
  expect(signIn).toContain(`<body ${names.marks.bundle}="forms">`);
  const notFound = await request.get("/404.html");
  expect(notFound.status()).toBe(200);
  const notFoundHtml = await notFound.text();
  expect(notFoundHtml).toContain("Page not found");
  const unknown = await request.get("/no-such-page");
  expect(unknown.status()).toBe(404);
  expect(await unknown.text()).toBe(notFoundHtml);
});

test("the app runs under its Content-Security-Policy, which allows no inline code but the loader and the styles", async ({ page }) => {
  const violations = [];
  await page.exposeFunction("reportViolation", (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => window.reportViolation(`${e.violatedDirective}: ${e.blockedURI}`)),
  );
  await page.goto("/account/register");
  const csp = await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).toContain("style-src 'self' 'sha256-");
  expect(csp).not.toContain("unsafe-inline");
  await page.getByLabel("Password", { exact: true }).fill("Vq7#t!mZ2@pL9w-Kutaisi");
  await expect(page.locator("meter[data-score]")).toHaveAttribute("data-score", /^[34]$/);
  await page.getByRole("link", { name: "Regions and countries" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regions and countries");
  expect(violations).toEqual([]);
});

test("the build ships precompressed files that the server sends to browsers that accept them", async ({ request }) => {
  const index = await request.get("/", { headers: { "accept-encoding": "br" } });
  expect(index.headers()["content-encoding"]).toBe("br");
  expect(await index.text()).toContain("<title>Relations with Georgia</title>");
  const json = await request.get(`/${names.files.content}`, { headers: { "accept-encoding": "gzip" } });
  expect(json.headers()["content-encoding"]).toBe("gzip");
  expect((await json.json()).title).toBe("Relations with Georgia");
});

test("a page whose islands wait requests nothing before its first contentful paint, and no style ever", async ({ page }) => {
  await page.goto("/regions/georgia");
  await page.getByRole("region", { name: "Announcement" }).hover();
  await expect(page.locator(`leptos-island:not([${names.marks.hydrated}])`)).toHaveCount(0);
  const { paint, requests } = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    requests: performance.getEntriesByType("resource").map((entry) => ({ name: entry.name, startTime: entry.startTime })),
  }));
  expect(paint).toBeGreaterThan(0);
  const files = requests.map((request) => new URL(request.name).pathname);
  expect(files.some((file) => file.endsWith(".wasm"))).toBe(true);
  expect(files.some((file) => file.endsWith(".css"))).toBe(false);
  expect(requests.filter((request) => request.startTime < paint)).toEqual([]);
});
