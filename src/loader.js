// The page's loader. The post-build hook (scripts/post-build.mjs) puts it inline in every page,
// gives it NAMES (crates/web/shared-names.json, the names it shares with the islands, the
// stylesheet and the tests) and APP (this build's bundles — each kind of page's islands as wasm
// with its JS glue — its service worker and its web app manifest), minifies it in the release
// build and lists its hash in the Content-Security-Policy. docs/islands.md says why the site
// works this way.
//
// Every page is prerendered HTML that reads whole without JavaScript. The loader adds:
// - State only the browser knows, marked on <html> by src/marks.js before the first paint (and
//   again here after each navigation).
// - The router: a link to another page of the site, the site search's GET form, and Back and
//   Forward fetch that page's HTML and put its <body> in place of this one's, keeping the
//   frame's islands (the header's account links, the announcement) with their state; the
//   title and description follow, focus moves to the new page's heading, and the scroll
//   position comes back on Back and Forward. Anything it cannot fetch loads in full.
// - The islands, hydrated from the page's bundle (<body data-bundle>), one per task. A page
//   reads and works as HTML (the search's first results too: src/search-first.js), and starts
//   its islands when the visitor reaches for one (pointer, touch, focus, or a change to one of
//   its fields: before a first click or keystroke needs them), or once it has painted when the
//   address or the visitor's state needs them (a query to search, a filter to apply, an
//   account to check). Until an island runs, what is typed into it stays in its fields (it
//   reads them when it starts), its submit buttons — disabled in the HTML, for visitors without
//   JavaScript — are enabled, and clicks on its buttons are held and replayed once it has
//   hydrated. When the islands that start at once have run, <body> is marked hydrated.
// - The site's keys: "/" pressed anywhere but in a field focuses the page's own search field
//   (marked data-slash-focus) or the header's site search; Escape clears the site search.
//   "Skip to content" moves focus to the main content; a passage the address names is
//   highlighted for a moment.
// - Once the page has loaded and painted, the web app manifest is linked; and, for offline
//   reading (release builds), the service worker (src/service-worker.js) is registered, and
//   when a new version of the site is waiting, a polite live region says so with a "Reload"
//   button; nothing reloads unless the reader chooses to.
const root = document.documentElement;
const base = new URL(document.baseURI).pathname;
const marks = NAMES.marks;
const HYDRATED = marks.hydrated;

/** The marks of browser-only state for the page at the current address (src/marks.js). */
const markState = window[NAMES.globals.markState];

/** Records the page as the one "Return to the page you were on" leads back to. */
const rememberPage = () => {
  if (!document.body.hasAttribute(marks.returnPoint)) return;
  try {
    sessionStorage.setItem(NAMES.storage.returnTo, location.pathname + location.search);
  } catch {}
};

// --- Islands ---------------------------------------------------------------------------------

const bundles = new Map();
/** The bundle's module, downloaded (its JS and its wasm side by side) and started once. */
const bundle = (name) => {
  if (!bundles.has(name)) {
    const files = APP.bundles[name];
    const start = () => {
      const wasm = fetch(files.wasm);
      return import(files.js).then(async (module) => (await module.default({ module_or_path: wasm }), module));
    };
    bundles.set(name, files ? start() : Promise.reject(new Error(`no bundle ${name}`)));
  }
  return bundles.get(name);
};

let hydrating = null;
/** A turn of the event loop: what the browser has waiting (a paint, a keystroke) goes first. */
const yieldToBrowser = () => new Promise((next) => setTimeout(next));
/** Hydrates the page's islands that have not run yet, once per page, each in a task of its own. */
const hydrate = () =>
  (hydrating ??= bundle(document.body.getAttribute(marks.bundle)).then(async (module) => {
    for (const island of document.querySelectorAll(`leptos-island:not([${HYDRATED}])`)) {
      const start = module[island.dataset.component];
      if (!start) continue;
      await yieldToBrowser();
      if (!island.isConnected || island.hasAttribute(HYDRATED)) continue;
      island.setAttribute(HYDRATED, "");
      await start(island);
    }
    replayHeld();
  }));

/** Whether the page's islands start at once: its address or the visitor's state needs them. */
const startsNow = () => !!location.search || root.hasAttribute(marks.signedIn);

/** Starts the page's islands when they are needed; marks the page as running once those that start at once have. */
const startPage = () => {
  const body = document.body;
  for (const button of document.querySelectorAll(`leptos-island:not([${HYDRATED}]) button[type=submit][disabled]`)) button.disabled = false;
  if (!startsNow()) return body.setAttribute(HYDRATED, "");
  hydrate().then(
    () => body.isConnected && body.setAttribute(HYDRATED, ""),
    () => [marks.signedIn, marks.filtered].forEach((mark) => root.removeAttribute(mark)),
  );
};

const waiting = (target) => target.closest?.(`leptos-island:not([${HYDRATED}])`);
for (const type of ["pointerover", "touchstart", "focusin", "input", "change"]) {
  addEventListener(type, (event) => waiting(event.target) && hydrate(), { capture: true, passive: true });
}

let held = [];
addEventListener(
  "click",
  (event) => {
    const button = event.target.closest?.("button");
    if (!button || !waiting(button)) return;
    held.push(button);
    event.preventDefault();
    event.stopPropagation();
    hydrate();
  },
  true,
);
const replayHeld = () => {
  const buttons = held.filter((button) => button.isConnected);
  held = [];
  buttons.forEach((button) => button.click());
};

// --- Router ----------------------------------------------------------------------------------

/** Whether a URL is a page of this site (not a file, not the API, not elsewhere). */
const isPage = (url) =>
  url.origin === location.origin && url.pathname.startsWith(base) && !/\.\w+$/.test(url.pathname) && !url.pathname.startsWith(`${base}api/`);

/** Brings the element the address names into view (`behavior`: at once on a new page), and highlights it for a moment. */
const showTarget = (hash, behavior = "auto") => {
  const target = hash.length > 1 && document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!target) return false;
  target.scrollIntoView({ behavior });
  target.classList.add(NAMES.classes.target);
  setTimeout(() => target.classList.remove(NAMES.classes.target), 2500);
  return true;
};

let navigation = 0;
let saving;
/** Shows the page at `url`; `push` adds a history entry, `scroll` restores a position. */
const go = async (url, { push = true, scroll } = {}) => {
  const id = ++navigation;
  let next;
  try {
    const response = await fetch(url.pathname + url.search, { headers: { Accept: "text/html" } });
    if (!response.headers.get("content-type")?.includes("text/html")) throw new Error("not a page");
    next = new DOMParser().parseFromString(await response.text(), "text/html");
  } catch {
    if (push) location.assign(url);
    else location.replace(url);
    return;
  }
  if (id !== navigation) return;
  if (push) {
    clearTimeout(saving);
    history.replaceState({ ...history.state, scroll: scrollY }, "");
    history.pushState({}, "", url);
  }
  // Parsed without scripting, a <noscript> holds markup; a browser with scripting holds its
  // source as text, and an island that renders one hydrates that.
  next.querySelectorAll("noscript").forEach((element) => element.replaceChildren(element.innerHTML));
  const outsideMain = (island) => !island.closest("main");
  const kept = new Map([...document.querySelectorAll("leptos-island")].filter(outsideMain).map((island) => [island.dataset.component, island]));
  const notice = document.querySelector(".update-notice");
  for (const { name } of [...document.body.attributes]) document.body.removeAttribute(name);
  for (const { name, value } of [...next.body.attributes]) document.body.setAttribute(name, value);
  document.body.replaceChildren(...next.body.childNodes);
  for (const island of [...document.querySelectorAll("leptos-island")].filter(outsideMain)) {
    const old = kept.get(island.dataset.component);
    if (old) island.replaceWith(old);
  }
  if (notice) document.body.append(notice);
  document.title = next.title;
  const description = next.querySelector("meta[name=description]")?.content;
  if (description) document.querySelector("meta[name=description]")?.setAttribute("content", description);
  markState();
  rememberPage();
  hydrating = null;
  startPage();
  document.querySelector("main h1")?.focus({ preventScroll: true });
  // A new page is where it starts, at once: the stylesheet's smooth scrolling is for moves
  // within a page.
  if (scroll !== undefined) scrollTo({ top: scroll, behavior: "instant" });
  else if (!showTarget(url.hash, "instant")) scrollTo({ top: 0, behavior: "instant" });
  dispatchEvent(new CustomEvent(NAMES.events.navigated));
};
window[NAMES.globals.navigate] = (href) => go(new URL(href, document.baseURI));
// Each history entry keeps where the reader was, for Back and Forward to bring them there.
history.scrollRestoration = "manual";
addEventListener(
  "scroll",
  () => {
    clearTimeout(saving);
    saving = setTimeout(() => history.replaceState({ ...history.state, scroll: scrollY }, ""), 150);
  },
  { passive: true },
);

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest?.("a[href]");
  if (!link || link.target || link.hasAttribute("download") || link.relList.contains("external")) return;
  const url = new URL(link.href);
  if (!isPage(url)) return;
  if (link.classList.contains(NAMES.classes.skipLink)) {
    event.preventDefault();
    const main = document.getElementById(NAMES.ids.main);
    main?.focus();
    main?.scrollIntoView();
    return;
  }
  // A fragment of this very page is the browser's (and an island's) to follow.
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  go(url);
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (event.defaultPrevented || form.method !== "get") return;
  const url = new URL(form.action);
  url.search = new URLSearchParams(new FormData(form)).toString();
  if (!isPage(url)) return;
  event.preventDefault();
  go(url);
});

let shown = location.pathname;
addEventListener("popstate", (event) => {
  // Another state of this page (a filter, a search, a fragment) is its islands' to show.
  if (location.pathname !== shown) go(new URL(location.href), { push: false, scroll: event.state?.scroll ?? 0 });
  else if (!showTarget(location.hash) && event.state?.scroll !== undefined) scrollTo({ top: event.state.scroll, behavior: "instant" });
});
addEventListener(NAMES.events.navigated, () => (shown = location.pathname));
addEventListener("hashchange", () => showTarget(location.hash));

// --- Keys ------------------------------------------------------------------------------------

addEventListener("keydown", (event) => {
  const search = document.getElementById(NAMES.ids.siteSearch);
  if (event.key === "Escape" && event.target === search) {
    search.value = "";
  } else if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !event.target.closest?.("input, textarea, select, [contenteditable]")) {
    const field = document.querySelector(`main [${marks.slashFocus}]`) ?? search;
    if (field) {
      event.preventDefault();
      field.focus();
    }
  }
});

// --- Offline reading -------------------------------------------------------------------------

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

// --- Start -----------------------------------------------------------------------------------

rememberPage();
if (location.hash) addEventListener("DOMContentLoaded", () => showTarget(location.hash));
// A page's code starts only once its first contentful paint has reached the screen, so nothing
// competes with it. A tab opened in the background paints nothing, so it starts at once; a
// browser without paint timing starts at once too, and none waits more than 3 s.
const firstPaint = new Promise((painted) => {
  if (document.visibilityState === "hidden" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    addEventListener("DOMContentLoaded", painted);
  } else {
    new PerformanceObserver((entries) => entries.getEntriesByName("first-contentful-paint").length && painted()).observe({ type: "paint", buffered: true });
    setTimeout(painted, 3000);
  }
});
firstPaint.then(startPage);
// What only an installed or offline site needs — the web app manifest, the service worker —
// waits until the page has loaded and painted: fetched earlier, it would compete with the
// first paint for the network.
const loaded = new Promise((done) => addEventListener("load", done));
Promise.all([firstPaint, loaded]).then(() =>
  setTimeout(() => {
    document.head.append(Object.assign(document.createElement("link"), { rel: "manifest", href: APP.manifest }));
    offerOffline();
  }),
);
