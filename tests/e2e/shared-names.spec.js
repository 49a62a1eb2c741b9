// The names the app shares with its loader, its stylesheet and its tests have one definition,
// crates/web/shared-names.json: the app reads it through its build script, the loader through the
// post-build hook, the tests and the bench through `names`. A stylesheet cannot read it, so
// this checks the marks the stylesheet styles on <html> and <body> against it, both ways.
import { test, expect, names } from "./fixtures.js";
import { readFileSync } from "node:fs";

const css = readFileSync(new URL("../../style/main.css", import.meta.url), "utf8");

/** The attributes a selector requires (or excludes) on <html> or <body>. */
const styledMarks = new Set(
  [...css.matchAll(/\b(?:html|body)((?:\[[\w-]+\]|:not\(\[[\w-]+\]\))+)/g)].flatMap(([, conditions]) =>
    [...conditions.matchAll(/\[([\w-]+)\]/g)].map(([, mark]) => mark),
  ),
);

test("every mark the stylesheet styles on <html> or <body> is one of the shared names", () => {
  expect(styledMarks.size).toBeGreaterThan(0);
  for (const mark of styledMarks) expect(Object.values(names.marks), `${mark} in style/main.css`).toContain(mark);
});

test("every mark src/marks.js sets on <html> for the stylesheet is styled", () => {
  for (const mark of [names.marks.announcementDismissed, names.marks.signedIn, names.marks.filtered]) {
    expect([...styledMarks], mark).toContain(mark);
  }
});

test("the page's scripts (the marks in <head>, the loader) were given the shared names", async ({ request }) => {
  const page = await (await request.get("/")).text();
  const [marks, loader] = [/<script>([\s\S]*?)<\/script>/, /<script type="module">([\s\S]*?)<\/script>/].map((script) => page.match(script)[1]);
  expect(page.indexOf(marks), "the marks come before the body").toBeLessThan(page.indexOf("<body"));
  for (const value of [names.storage.dismissedAnnouncement, names.storage.accountEmail, names.marks.announcementDismissed, names.marks.signedIn, names.marks.filtered, names.globals.markState]) {
    expect(marks).toContain(value);
  }
  for (const value of [...Object.values(names.marks), names.storage.returnTo, names.globals.markState, names.globals.navigate]) {
    expect(loader).toContain(value);
  }
});
