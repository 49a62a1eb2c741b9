// The marks of browser-only state, set on <html> before the first paint: a classic script in
// <head> (the post-build hook puts it inline in every page, with NAMES), so it runs before the
// body is parsed, where the loader — a module, run after parsing — may come after a first
// paint. The stylesheet hides what an island is about to change rather than showing it first:
// a dismissed announcement, "Sign in" for a visitor who signed in, the unfiltered list of a
// shared /regions or /timeline view, a search's room for its results.
//
// A dismissal counts for the announcement it was of (APP.announcement, from the content file: a
// new announcement shows again). The loader runs it again after each navigation.
(() => {
  const root = document.documentElement;
  const marks = NAMES.marks;
  const markState = () => {
    try {
      const dismissed = localStorage.getItem(NAMES.storage.dismissedAnnouncement);
      root.toggleAttribute(marks.announcementDismissed, !!dismissed && dismissed === APP.announcement);
      root.toggleAttribute(marks.signedIn, !!localStorage.getItem(NAMES.storage.accountEmail));
    } catch {}
    root.toggleAttribute(marks.filtered, !!location.search);
  };
  markState();
  window[NAMES.globals.markState] = markState;
})();
