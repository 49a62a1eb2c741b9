// The service worker of a build (src/service-worker.js with its constants filled in): used by
// the post-build hook, and by the e2e tests to deploy a build that turns offline reading off.
import { readFileSync } from "node:fs";
import { transformSync } from "esbuild";

/**
 * The worker's source for a build listing `files` under `version`; with `offline` false, the
 * worker that removes itself and its caches.
 */
export function serviceWorker(files, version, offline) {
  const source = readFileSync(new URL("../src/service-worker.js", import.meta.url), "utf8");
  const define = { VERSION: JSON.stringify(version), FILES: JSON.stringify(files), OFFLINE: String(offline) };
  return transformSync(source, { define, minify: true }).code;
}
