// Trunk post_build hook: finishes the staged build before trunk moves it into its dist folder.
//
// - The bundles (each kind of page's islands, which trunk builds as workers with ES module glue
//   so that it makes them all): renamed after their contents, so a new build never reuses an
//   old file's name and every file but the HTML can be cached for long.
// - The page's scripts inline where index.html holds their places — the marks of browser-only
//   state (src/marks.js) and the loader (src/loader.js) — with the names they share with the
//   islands (crates/web/shared-names.json), the content's announcement and this build's bundles.
// - Release builds: the inline stylesheet and scripts minified, the content JSON written
//   without indentation (the bundled file stays readable for its editors), and a
//   Content-Security-Policy <meta> allowing exactly the inline scripts and stylesheet (by their
//   SHA-256 hashes), wasm compilation, and nothing from elsewhere (scripts/csp.mjs).
// - Every page prerendered into the build by the `prerender` binary (native): each route,
//   404.html, routes.json; the search page's first results (src/search-first.js) inline after
//   their template, its CSP made again. A development build shows a content file's errors on
//   its pages; a release build refuses the file.
// - Release builds: wasm-bindgen's JS glue minified (trunk leaves it as written); the service
//   worker (src/service-worker.js), listing every file of the build under a version made from
//   their contents (with NATO_OFFLINE=off, one that removes itself); precompressed .br and .gz
//   copies of every text and wasm file, for hosts that serve them.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { transformSync } from "esbuild";
import { withContentSecurityPolicy } from "./csp.mjs";
import { serviceWorker } from "./service-worker.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
// Offline reading: release builds only (a development build changes under the developer's
// hands), unless the deployer turns it off.
const offline = release && process.env.NATO_OFFLINE !== "off";
const SERVICE_WORKER = "service-worker.js";
// Copied by index.html; the loader links it once the page has painted.
const MANIFEST = "manifest.webmanifest";
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");

/** Every file below `dir`. */
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const names = JSON.parse(readFileSync("crates/web/shared-names.json", "utf8"));

/** The bundles trunk built — `<name>.js` and `<name>_bg.wasm`, not a worker's with its loader — renamed after their contents. */
function hashBundles() {
  const bundles = {};
  for (const wasm of readdirSync(staging).filter((file) => /^[a-z]+_bg\.wasm$/.test(file))) {
    const name = wasm.slice(0, -"_bg.wasm".length);
    const glue = join(staging, `${name}.js`);
    if (existsSync(join(staging, `${name}_loader.js`)) || !existsSync(glue)) continue;
    const code = readFileSync(glue, "utf8");
    const hash = createHash("sha256").update(code).update(readFileSync(join(staging, wasm))).digest("hex").slice(0, 16);
    const [js, bg] = [`${name}-${hash}.js`, `${name}-${hash}_bg.wasm`];
    renameSync(join(staging, wasm), join(staging, bg));
    writeFileSync(join(staging, js), code.replaceAll(`${name}_bg.wasm`, bg));
    unlinkSync(glue);
    bundles[name] = { js: `${publicUrl}${js}`, wasm: `${publicUrl}${bg}` };
  }
  if (!Object.keys(bundles).length) throw new Error("trunk built no bundle (index.html's rust links)");
  return bundles;
}

/** The announcement's text, the key its dismissal is remembered by ("" if the content file is broken: its pages say why). */
function announcement() {
  try {
    return JSON.parse(readFileSync(join(staging, names.files.content), "utf8")).site.announcement ?? "";
  } catch {
    return "";
  }
}

/** What the inline scripts are given: the shared names, and this build's files and announcement. */
function scriptNames(bundles) {
  if (!existsSync(join(staging, MANIFEST))) throw new Error(`index.html copies no ${MANIFEST}`);
  const define = {
    "APP.bundles": JSON.stringify(bundles),
    "APP.serviceWorker": JSON.stringify(offline ? `${publicUrl}${SERVICE_WORKER}` : ""),
    "APP.manifest": JSON.stringify(`${publicUrl}${MANIFEST}`),
    "APP.announcement": JSON.stringify(announcement()),
  };
  for (const [group, entries] of Object.entries(names)) {
    for (const [name, value] of Object.entries(entries)) define[`NAMES.${group}.${name}`] = JSON.stringify(value);
  }
  // The loader destructures the marks: give it the group whole too.
  define["NAMES.marks"] = JSON.stringify(names.marks);
  return define;
}

/** An inline script's code: `source` with its names filled in, minified in a release build. */
function inlineCode(source, define) {
  const code = transformSync(readFileSync(source, "utf8"), { define, minify: release }).code.trim();
  if (/\b(NAMES|APP)\./.test(code)) throw new Error(`${source} uses a name crates/web/shared-names.json lacks`);
  return code;
}

/**
 * The page with its scripts where index.html holds their places (`<script data-marks>`,
 * `<script type="module" data-loader>`): src/marks.js and src/loader.js.
 */
function withScripts(page, define) {
  for (const [placeholder, source, tag] of [
    [/<script data-marks><\/script>/, "src/marks.js", "<script>"],
    [/<script type="module" data-loader><\/script>/, "src/loader.js", '<script type="module">'],
  ]) {
    if (!placeholder.test(page)) throw new Error(`index.html has no place for ${source} (${placeholder.source})`);
    const code = inlineCode(source, define);
    page = page.replace(placeholder, () => `${tag}\n${code}\n</script>`);
  }
  return page;
}

/** The page with its inline `<style>` and `<script>` bodies minified. */
function minifyInline(page) {
  return page
    .replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open, css, close) => open + transformSync(css, { loader: "css", minify: true }).code.trim() + close)
    .replace(/(<script type="module">)([\s\S]*?)(<\/script>)/g, (_, open, js, close) => open + transformSync(js, { minify: true }).code.trim() + close);
}

// index.html's comments are for its readers, not for every page.
const define = scriptNames(hashBundles());
html = withScripts(html, define).replace(/\s*<!--[\s\S]*?-->/g, "");
if (release) {
  html = minifyInline(html);
  const contentPath = join(staging, names.files.content);
  writeFileSync(contentPath, JSON.stringify(JSON.parse(readFileSync(contentPath, "utf8"))));
  html = withContentSecurityPolicy(html);
}
writeFileSync(indexPath, html);

// The prerenderer is compiled by the same toolchain as the bundles (the release build's pinned
// nightly, the Makefile's RUSTUP_TOOLCHAIN): an island's name in the page is a hash the
// compiler's macro makes, and must be the one the bundle exports. The wasm's unstable build
// settings are left out: it is a native build.
const nativeEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("CARGO_UNSTABLE_")));
const prerender = spawnSync(
  "cargo",
  ["run", "--quiet", "--locked", "--bin", "prerender", "--", staging, publicUrl, ...(release ? [] : ["--development"])],
  { stdio: "inherit", env: nativeEnv },
);
if (prerender.status !== 0) throw new Error("prerendering failed (see above)");

// The search page's first results (src/search-first.js) run right after their template, and its
// CSP lists them too.
const firstResults = new RegExp(`<template id="${names.ids.searchFirstTemplate}">[\\s\\S]*?</template>`);
const searchPages = walk(staging).filter((path) => path.endsWith(".html") && firstResults.test(readFileSync(path, "utf8")));
// (A development build whose content file is broken shows its error on every page instead.)
if (release && !searchPages.length) throw new Error("no page holds the search's first results");
const searchFirst = inlineCode("src/search-first.js", define);
for (const path of searchPages) {
  const page = readFileSync(path, "utf8").replace(firstResults, (template) => `${template}<script>${searchFirst}</script>`);
  writeFileSync(path, release ? withContentSecurityPolicy(page) : page);
}

if (release) {
  for (const name of readdirSync(staging).filter((n) => n.endsWith(".js"))) {
    const path = join(staging, name);
    writeFileSync(path, transformSync(readFileSync(path, "utf8"), { minify: true }).code);
  }

  const files = walk(staging)
    .map((path) => relative(staging, path).split(sep).join("/"))
    .filter((file) => file !== SERVICE_WORKER)
    .sort();
  const version = createHash("sha256");
  for (const file of files) version.update(file).update(readFileSync(join(staging, file)));
  writeFileSync(join(staging, SERVICE_WORKER), serviceWorker(files, version.digest("hex").slice(0, 16), offline));
  console.log(offline ? `service worker: ${files.length} files for offline reading` : "service worker: turned off (it removes itself)");

  const compressible = /\.(html|js|css|json|webmanifest|wasm|svg|txt)$/;
  for (const path of walk(staging).filter((p) => compressible.test(p))) {
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  }
}
