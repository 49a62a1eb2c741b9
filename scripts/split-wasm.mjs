// Splits the release wasm into the main module and one chunk per lazily loaded route, for the
// trunk post_build hook (scripts/post-build.mjs). Trunk itself cannot: the split has to read the
// linker's relocations, which wasm-bindgen does not keep, so it runs on cargo's output and
// wasm-bindgen runs after it (trunk issue #1022). The Makefile's release build compiles the wasm
// with `--cfg split` (the routes' chunks, src/routes.rs) and `--emit-relocs` for this.
//
// It replaces trunk's JS glue and wasm in the staging directory under the same names, so the
// loader (src/loader.js) is unchanged; the chunks and their loader are named after them, so a
// new build never reuses an old chunk's name.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether the wasm was compiled with the route chunks (the Makefile's release build). */
export function isSplitBuild() {
  return /--cfg[= ]split\b/.test(process.env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?? "");
}

/** Runs a tool; its warnings that the name section has kinds it does not know are left out. */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  const stderr = result.stderr.split("\n").filter((line) => line && !/unknown name subsection/.test(line));
  if (stderr.length) console.error(stderr.join("\n"));
  if (result.status !== 0) throw new Error(`${command} failed (see above)`);
}

/** wasm-opt at trunk's `data-wasm-opt="z"` level, told the wasm features rustc's wasm32 target uses. */
function optimize(input, output) {
  const features = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types"];
  run("wasm-opt", ["-Oz", ...features.map((feature) => `--enable-${feature}`), input, "-o", output]);
}

export function splitWasm(staging, { bin = "nato-georgia", targetDir = process.env.CARGO_TARGET_DIR ?? "target" } = {}) {
  const glue = readdirSync(staging).find((name) => new RegExp(`^${bin}-[0-9a-f]+\\.js$`).test(name));
  if (!glue) throw new Error(`no ${bin}-<hash>.js in ${staging}`);
  const name = glue.slice(0, -".js".length);
  const linked = join(targetDir, "wasm32-unknown-unknown", "release", `${bin}.wasm`);
  const work = mkdtempSync(join(tmpdir(), "split-wasm-"));
  try {
    run("wasm-split-cli", ["--target", "web", "--out-name", name, linked, work]);
    const bindgen = join(work, "bindgen");
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", bindgen, "--out-name", name, join(work, `${name}.wasm`)]);

    const loaderName = `${name}-split.js`;
    let loader = readFileSync(join(work, "__wasm_split.js"), "utf8");
    const chunks = readdirSync(work).filter((file) => file.endsWith(".wasm") && file !== `${name}.wasm`);
    for (const chunk of chunks) {
      const chunkName = `${name}-${chunk}`;
      loader = loader.replaceAll(`"./${chunk}"`, `"./${chunkName}"`);
      optimize(join(work, chunk), join(staging, chunkName));
    }
    writeFileSync(join(staging, loaderName), loader);
    // Only where the glue imports the loader: the wasm's own imports keep naming "./__wasm_split.js".
    const glueJs = readFileSync(join(bindgen, `${name}.js`), "utf8").replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
    writeFileSync(join(staging, glue), glueJs);
    optimize(join(bindgen, `${name}_bg.wasm`), join(staging, `${name}_bg.wasm`));
    return chunks.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
