// The marks of browser-only state, set on <html> before the first paint: a classic script in
// <head> (the post-build hook puts it inline in every page, with NAMES), so it runs before the
// body is parsed, where the loader — a module, run after parsing — may come after a first
// paint. The stylesheet hides what an island is about to change rather than showing it first:
// a dismissed announcement, "Sign in" for a visitor who signed in, the unfiltered list of a
// shared /regions or /timeline view, a search's room for its results.
//
// The loader runs it again once the body is there (the dismissed announcement must be the one
// shown: in <head>, any dismissal counts, until the page says which announcement it has) and
// after each navigation.
(() => {
  const root = document.documentElement;
  const marks = NAMES.marks;
  const markState = () => {
    try {
      const dismissed = localStorage.getItem(NAMES.storage.dismissedAnnouncement);
      const shown = document.body ? document.querySelector(".announcement a")?.textContent : dismissed;
      root.toggleAttribute(marks.announcementDismissed, !!dismissed && dismissed === shown);
      root.toggleAttribute(marks.signedIn, !!localStorage.getItem(NAMES.storage.accountEmail));
    } catch {}
    root.toggleAttribute(marks.filtered, !!location.search);
  };
  markState();
  window[NAMES.globals.markState] = markState;
})();
