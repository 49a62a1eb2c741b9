// Trunk post_build hook: finishes the staged build before trunk moves it into dist/.
//
// - the app's loader (src/loader.js) inline where trunk wrote its placeholder, with the names it
//   shares with the app (src/shared-names.json) and this build's JS glue and wasm;
// - 404.html: the app's shell, for static hosts that serve it for unknown paths; the app renders
//   those on the client.
// - release builds only:
//   - the wasm split into the first view's module and one chunk per other route, when the
//     Makefile built it for that (scripts/split-wasm.mjs);
//   - the inline stylesheet and loader minified, and the content JSON written without indentation
//     (the bundled file stays readable for its editors);
//   - a Content-Security-Policy <meta> allowing exactly the inline loader and stylesheet (by
//     their SHA-256 hashes), wasm compilation, and nothing from elsewhere;
//   - every known route prerendered to <route>/index.html by the `prerender` binary (native,
//     `ssr` feature), which the app then hydrates;
//   - wasm-bindgen's JS glue minified (trunk leaves it as written): a fifth smaller compressed;
//   - the service worker (src/service-worker.js), listing every file of the build under a
//     version made from their contents; with NATO_OFFLINE=off, one that removes itself;
//   - precompressed .br and .gz copies of every text and wasm file, for hosts that serve them.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { transformSync } from "esbuild";
import { serviceWorker } from "./service-worker.mjs";
import { isSplitBuild, splitWasm } from "./split-wasm.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
// Offline reading: release builds only (a development build changes under the developer's
// hands), unless the deployer turns it off.
const offline = release && process.env.NATO_OFFLINE !== "off";
const SERVICE_WORKER = "service-worker.js";
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const names = JSON.parse(readFileSync("src/shared-names.json", "utf8"));

/** The page with the loader where trunk's placeholder is, its names and files filled in. */
function withLoader(page) {
  const placeholder = /<script type="module" data-loader data-js="([^"]+)" data-wasm="([^"]+)"><\/script>/;
  const [, js, wasm] = page.match(placeholder) ?? [];
  if (!js) throw new Error("index.html has no loader placeholder (Trunk.toml's pattern_script)");
  const define = {
    "APP.js": JSON.stringify(js),
    "APP.wasm": JSON.stringify(wasm),
    "APP.serviceWorker": JSON.stringify(offline ? `${publicUrl}${SERVICE_WORKER}` : ""),
  };
  for (const [group, entries] of Object.entries(names)) {
    for (const [name, value] of Object.entries(entries)) define[`NAMES.${group}.${name}`] = JSON.stringify(value);
  }
  const loader = transformSync(readFileSync("src/loader.js", "utf8"), { define, minify: release }).code.trim();
  if (/\b(NAMES|APP)\./.test(loader)) throw new Error("src/loader.js uses a name src/shared-names.json lacks");
  return page.replace(placeholder, () => `<script type="module">\n${loader}\n</script>`);
}

html = withLoader(html);

/** The CSP source list allowing exactly the page's inline `<tag>` elements, by their SHA-256. */
function inlineHashes(page, tag) {
  const inline = new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, "g");
  return [...page.matchAll(inline)]
    .map(([, body]) => ` 'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`)
    .join("");
}

function contentSecurityPolicy(page) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${inlineHashes(page, "script")}`,
    `style-src 'self'${inlineHashes(page, "style")}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The page with its inline `<style>` and `<script>` bodies minified. */
function minifyInline(page) {
  return page
    .replace(/(<style[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open, css, close) => open + transformSync(css, { loader: "css", minify: true }).code.trim() + close)
    .replace(/(<script type="module">)([\s\S]*?)(<\/script>)/g, (_, open, js, close) => open + transformSync(js, { minify: true }).code.trim() + close);
}

if (release) {
  html = minifyInline(html);
  const contentPath = join(staging, names.files.content);
  writeFileSync(contentPath, JSON.stringify(JSON.parse(readFileSync(contentPath, "utf8"))));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}">`;
  // Right after <meta charset>, before any script (minified HTML has no <head> tag).
  html = html.replace(/<meta charset=[^>]*>/i, (charset) => `${charset}${meta}`);
  if (!html.includes(meta)) throw new Error("index.html has no <meta charset> to put the CSP after");
}
writeFileSync(indexPath, html);
writeFileSync(join(staging, "404.html"), html);

if (release) {
  if (isSplitBuild()) console.log(`split the wasm: ${splitWasm(staging)} chunks`);

  // A native build with the default toolchain: the Makefile's nightly settings are for the wasm.
  const nativeEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "RUSTUP_TOOLCHAIN" && !name.startsWith("CARGO_UNSTABLE_")),
  );
  const prerender = spawnSync(
    "cargo",
    ["run", "--quiet", "--locked", "--features", "ssr", "--bin", "prerender", "--", staging, publicUrl],
    { stdio: "inherit", env: nativeEnv },
  );
  if (prerender.status !== 0) throw new Error("prerendering failed (see above)");

  for (const name of readdirSync(staging).filter((n) => n.endsWith(".js"))) {
    const path = join(staging, name);
    writeFileSync(path, transformSync(readFileSync(path, "utf8"), { minify: true }).code);
  }

  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });

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
