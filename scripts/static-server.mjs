// A static file server that behaves like a production static host set up as the README says
// (nginx `try_files $uri $uri/index.html =404` with `error_page 404 /404.html`): files and
// prerendered routes (`<route>/index.html`) are served as they are; any other path without a file
// extension gets the app's shell, 404.html, with status 404, and the app renders it on the
// client; a missing file with an extension is a plain 404. Used by the e2e tests and the bench.
//
//   node scripts/static-server.mjs --root dist --port 4173 [--base /x/] [--api http://127.0.0.1:3000]
//
// With --api, requests under /api/ are passed to the API server, as a reverse proxy in front
// of both would do in production (adding the client's address to X-Forwarded-For).

import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, request as forward } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.root ?? "dist");
const port = Number(args.port ?? 4173);
const base = (args.base ?? "/").replace(/\/?$/, "/");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

async function resolveRequest(pathname) {
  if (!pathname.startsWith(base)) return null;
  const relative = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.(\/|$))+/, "");
  const wanted = join(root, relative);
  if (!wanted.startsWith(root)) return null;
  const direct = (await fileAt(wanted)) ?? (await fileAt(join(wanted, "index.html")));
  if (direct) return { path: direct, status: 200 };
  if (extname(relative) === "") return { path: join(root, "404.html"), status: 404 };
  return null;
}

function proxy(request, response, api) {
  const target = new URL(request.url, api);
  // As nginx's `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for` does.
  const seen = request.socket.remoteAddress.replace(/^::ffff:/, "");
  const forwardedFor = request.headers["x-forwarded-for"] ? `${request.headers["x-forwarded-for"]}, ${seen}` : seen;
  const headers = { ...request.headers, host: target.host, "x-forwarded-for": forwardedFor };
  const upstream = forward(target, { method: request.method, headers }, (answer) => {
    response.writeHead(answer.statusCode, answer.headers);
    answer.pipe(response);
  });
  upstream.on("error", () => {
    response.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    response.end("The API is not reachable.\n");
  });
  request.pipe(upstream);
}

createServer(async (request, response) => {
  const { pathname } = new URL(request.url, "http://localhost");
  if (args.api && pathname.startsWith("/api/")) {
    proxy(request, response, args.api);
    return;
  }
  const found = await resolveRequest(pathname);
  if (!found) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end(`Not found: ${pathname}\n`);
    return;
  }
  // Precompressed copies from the build, as hosts that support them serve them.
  const accepted = request.headers["accept-encoding"] ?? "";
  const encoding = [["br", ".br"], ["gzip", ".gz"]].find(
    ([name, suffix]) => accepted.includes(name) && existsSync(found.path + suffix),
  );
  response.writeHead(found.status, {
    "content-type": TYPES[extname(found.path)] ?? "application/octet-stream",
    "cache-control": "no-cache",
    vary: "Accept-Encoding",
    ...(encoding ? { "content-encoding": encoding[0] } : {}),
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(encoding ? found.path + encoding[1] : found.path).pipe(response);
}).listen(port, "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
});
