// End-to-end tests in Debian's Chromium against the release build, served the way a static
// host serves it: `dist/` at the root, and a build for a sub-path deployment under /x/.
import { defineConfig } from "@playwright/test";

const ROOT_PORT = 4173;
const SUBPATH_PORT = 4174;
const API_PORT = 4175;

export default defineConfig({
  testDir: ".",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
    // Offline reading is tested on its own (offline.spec.js); elsewhere every page comes from
    // the host, as on a first visit.
    serviceWorkers: "block",
  },
  projects: [
    { name: "root", testIgnore: /subpath\.spec/, use: { baseURL: `http://127.0.0.1:${ROOT_PORT}` } },
    { name: "subpath", testMatch: /subpath\.spec/, use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}` } },
  ],
  webServer: [
    {
      // The reference API in development mode, on a fresh database, behind the static server
      // (a trusted proxy, as in the README's nginx example).
      command: `rm -f target/e2e-api.sqlite3* && NATO_API_DEV=1 NATO_API_ADDRESS=127.0.0.1:${API_PORT} NATO_API_DATABASE=target/e2e-api.sqlite3 NATO_API_PUBLIC_URL=http://127.0.0.1:${ROOT_PORT} NATO_API_IP_LIMIT=100000 NATO_API_TRUSTED_PROXIES=127.0.0.1 target/debug/nato-georgia-api`,
      cwd: "../..",
      url: `http://127.0.0.1:${API_PORT}/api/dev/outbox`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/static-server.mjs --root dist --port ${ROOT_PORT} --api http://127.0.0.1:${API_PORT}`,
      cwd: "../..",
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/static-server.mjs --root target/dist-subpath --port ${SUBPATH_PORT} --base /x/`,
      cwd: "../..",
      url: `http://127.0.0.1:${SUBPATH_PORT}/x/`,
      reuseExistingServer: false,
    },
  ],
});
