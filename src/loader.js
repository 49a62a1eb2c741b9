// The page's loader. The post-build hook (scripts/post-build.mjs) puts it inline in every page
// where trunk's script would be, gives it NAMES (src/shared-names.json, the names it shares with
// the app, the stylesheet and the tests) and APP (this build's JS glue and wasm), minifies it in
// the release build and lists its hash in the Content-Security-Policy.
//
// - Browser-only state the prerendered page cannot know is marked on <html> before the page
//   paints, so style/main.css hides what the app is about to change instead of showing it first:
//   a dismissed announcement, the account links of a visitor who signed in (until the app
//   restores them), a shared /regions view's unfiltered list (until the app filters it).
// - Clicks on buttons before the app runs are held and replayed, in order, once the app has
//   hydrated the page (hydration keeps the same elements): "Dismiss" or "Show password" never
//   do nothing.
// - The site's keys, which work from the first paint: "/" pressed anywhere but in a field
//   focuses the search field of the page (the page's own, marked data-slash-focus, or the
//   header's site search), and Escape clears the site search.
// - Offline reading (release builds): once the app runs, the service worker
//   (src/service-worker.js) is registered, and when a new version of the site is waiting, a
//   polite live region says so, with a "Reload" button; nothing reloads unless the reader
//   chooses to.
// - The app starts only once the page's first contentful paint has reached the screen:
//   prerendered pages show their content at the static-page floor, and the wasm, its JS and the
//   content JSON then load together instead of competing with that paint (measured with
//   `make bench`; README "Benchmarks"). A tab opened in the background paints nothing, so it
//   starts at once; a browser without paint timing starts at once too, and none waits more than
//   3 s. No <link rel=preload> in the page for the same reason (Trunk.toml): the content's
//   preload is added when the app starts.
const root = document.documentElement;
try {
  const dismissed = localStorage.getItem(NAMES.storage.dismissedAnnouncement);
  if (dismissed && dismissed === document.querySelector(".announcement a")?.textContent) {
    root.setAttribute(NAMES.marks.announcementDismissed, "");
  }
  if (localStorage.getItem(NAMES.storage.accountEmail)) root.setAttribute(NAMES.marks.signedIn, "");
} catch {}
if (location.search) root.setAttribute(NAMES.marks.filtered, "");
const showPrerendered = () => {
  root.removeAttribute(NAMES.marks.signedIn);
  root.removeAttribute(NAMES.marks.filtered);
};
if (document.body.hasAttribute(NAMES.marks.prerendered)) {
  const held = [];
  const hold = (event) => {
    const button = event.target.closest?.("button");
    if (button) {
      held.push(button);
      event.preventDefault();
      event.stopPropagation();
    }
  };
  addEventListener("click", hold, true);
  new MutationObserver((_, observer) => {
    const body = document.body;
    if (body.hasAttribute(NAMES.marks.prerendered) && !body.hasAttribute(NAMES.marks.hydrated)) return;
    observer.disconnect();
    removeEventListener("click", hold, true);
    if (body.hasAttribute(NAMES.marks.hydrated)) held.filter((button) => button.isConnected).forEach((button) => button.click());
  }).observe(document.body, { attributes: true, attributeFilter: [NAMES.marks.hydrated, NAMES.marks.prerendered] });
}
addEventListener("keydown", (event) => {
  const search = document.getElementById(NAMES.ids.siteSearch);
  if (event.key === "Escape" && event.target === search) {
    search.value = "";
  } else if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !event.target.closest?.("input, textarea, select, [contenteditable]")) {
    const field = document.querySelector(`main [${NAMES.marks.slashFocus}]`) ?? search;
    if (field) {
      event.preventDefault();
      field.focus();
    }
  }
});
/** Resolves once the app runs: a prerendered page hydrated, or a page rendered from scratch. */
const running = () =>
  new Promise((resolve) => {
    const body = document.body;
    const done = () => !body.hasAttribute(NAMES.marks.prerendered) || body.hasAttribute(NAMES.marks.hydrated);
    if (done()) return resolve();
    new MutationObserver((_, observer) => done() && (observer.disconnect(), resolve())).observe(body, { attributes: true });
  });

/** Registers the service worker, and offers a waiting new version with a "Reload" button. */
const offerOffline = () => {
  if (!APP.serviceWorker || !("serviceWorker" in navigator)) return;
  // The live region is added, empty, where an update can come (a page a worker controls), so
  // that its words are announced when they arrive; elsewhere only if one does.
  let region;
  const notice = () => {
    if (!region) {
      region = Object.assign(document.createElement("div"), { className: "update-notice" });
      region.setAttribute("role", "status");
      document.body.append(region);
    }
    return region;
  };
  if (navigator.serviceWorker.controller) notice();
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => reloading && location.reload());
  const offer = (worker) => {
    const reload = Object.assign(document.createElement("button"), { type: "button", textContent: "Reload" });
    reload.addEventListener("click", () => {
      reloading = true;
      worker.postMessage("activate");
    });
    notice().replaceChildren(Object.assign(document.createElement("p"), { textContent: "A new version of this site is available." }), reload);
  };
  // Refused (a private window, a browser setting): the site works as without it.
  navigator.serviceWorker
    .register(APP.serviceWorker)
    .then((registration) => {
      // A new version that installs while a page is controlled is an update (the first
      // install has nothing to replace): it may already wait, be installing, or come later.
      const update = (worker) => worker && navigator.serviceWorker.controller && offer(worker);
      const track = (worker) => worker?.addEventListener("statechange", () => worker.state === "installed" && update(worker));
      update(registration.waiting);
      track(registration.installing);
      registration.addEventListener("updatefound", () => track(registration.installing));
    })
    .catch(() => {});
};

let started = false;
const start = () => {
  if (started) return;
  started = true;
  const content = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: NAMES.files.content });
  document.head.append(content);
  import(APP.js)
    .then(({ default: init }) => init({ module_or_path: APP.wasm }))
    .then(running)
    .then(offerOffline, showPrerendered);
};
if (document.visibilityState === "hidden" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) start();
else {
  new PerformanceObserver((entries) => entries.getEntriesByName("first-contentful-paint").length && start()).observe({ type: "paint", buffered: true });
  setTimeout(start, 3000);
}
