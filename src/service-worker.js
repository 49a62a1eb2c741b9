// The site's service worker: reading offline after one visit. The post-build hook
// (scripts/post-build.mjs) writes it into the release build with VERSION (a hash of every file
// it lists), FILES (every file of the build, relative to this script) and OFFLINE (false when
// the deployer turned it off: then it removes itself and its caches from every browser that
// installed it). The loader registers it once the app runs, so it never delays a first paint.
//
// - One cache per version, filled whole when it installs: a page, its wasm, its chunks and its
//   content always come from the same build, and a new deploy is a new version.
// - A new version waits until the reader chooses to reload (the loader shows the notice and
//   sends "activate"); the old caches are deleted once it is active.
// - Everything is served from the cache first. A page — a navigation, or the loader's router
//   fetching a page's HTML — is its prerendered HTML whatever its query; an unknown path gets
//   "Page not found" (404.html) with status 404. Requests to the API, and to anything outside
//   the site, are never touched.
const PREFIX = "nato-georgia-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL(self.registration.scope).pathname;
const API = `${SCOPE}api/`;

if (OFFLINE) {
  self.addEventListener("install", (event) => event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES))));

  self.addEventListener("activate", (event) => {
    const old = caches.keys().then((keys) => keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE));
    event.waitUntil(old.then((keys) => Promise.all(keys.map((key) => caches.delete(key)))).then(() => self.clients.claim()));
  });

  self.addEventListener("message", (event) => {
    if (event.data === "activate") self.skipWaiting();
  });

  /** The cache key of the page at `path`: its prerendered HTML, or none for an unknown path. */
  const pageFile = (path) => {
    const route = path.slice(SCOPE.length).replace(/\/$/, "");
    const file = route === "" ? "index.html" : `${route}/index.html`;
    return FILES.includes(file) ? file : null;
  };

  const respond = async (request, url) => {
    const cache = await caches.open(CACHE);
    if (request.mode === "navigate" || request.headers.get("accept")?.includes("text/html")) {
      const file = pageFile(decodeURIComponent(url.pathname));
      const cached = await cache.match(file ?? "404.html");
      if (cached && file) return cached;
      if (cached) return new Response(cached.body, { status: 404, statusText: "Not Found", headers: cached.headers });
    } else {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
    }
    return fetch(request);
  };

  self.addEventListener("fetch", (event) => {
    const url = new URL(event.request.url);
    const ours = url.origin === location.origin && url.pathname.startsWith(SCOPE) && !url.pathname.startsWith(API);
    if (event.request.method === "GET" && ours) event.respondWith(respond(event.request, url));
  });
} else {
  // Turned off: take over at once, delete the caches and unregister; from the next visit on,
  // every page comes from the host. (Open pages are not reloaded: a page an older build's
  // worker served would register this one again, and round it would go.)
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => {
    const removed = caches.keys().then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX)).map((key) => caches.delete(key))));
    event.waitUntil(removed.then(() => self.registration.unregister()));
  });
}
