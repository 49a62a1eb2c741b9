// The release build's Content-Security-Policy, made from the page it protects: the post-build
// hook (scripts/post-build.mjs) writes it into the shell every page is made from, and a test
// that changes a built page, as a new deploy would, writes it again.
import { createHash } from "node:crypto";

/** The CSP source list allowing exactly the page's inline `<tag>` elements, by their SHA-256 (a JSON data block runs nothing). */
function inlineHashes(page, tag) {
  const inline = new RegExp(`<${tag}(?![^>]*\\b(?:src=|type="application/json"))[^>]*>([\\s\\S]*?)</${tag}>`, "g");
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

const CSP_META = /<meta http-equiv="?Content-Security-Policy"? content="[^"]*">/i;

/** The page with its CSP `<meta>` (in place of the one it has) allowing exactly its inline scripts and styles. */
export function withContentSecurityPolicy(page) {
  const unsigned = page.replace(CSP_META, "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(unsigned)}">`;
  // Right after <meta charset>, before any script (minified HTML has no <head> tag).
  const signed = unsigned.replace(/<meta charset=[^>]*>/i, (charset) => `${charset}${meta}`);
  if (!signed.includes(meta)) throw new Error("the page has no <meta charset> to put the CSP after");
  return signed;
}
