// `make lint`: keeps `dist/` for the release build alone. Plain `trunk serve` and `trunk build`
// (what a Leptos developer types first) use Trunk.toml's build folder, which must not be
// dist/; `make dist` is the one command that writes there, by name.
import { readFileSync } from "node:fs";

const trunk = readFileSync("Trunk.toml", "utf8");
const folder = trunk.match(/^\[build\][^[]*?^dist\s*=\s*"([^"]+)"/m)?.[1];
const problems = [];
if (!folder) problems.push("Trunk.toml's [build] names no dist folder: trunk would write dist/");
else if (folder.replace(/\/$/, "") === "dist") problems.push(`Trunk.toml's [build] dist is "${folder}": plain trunk serve would overwrite the release build`);
const release = readFileSync("Makefile", "utf8").match(/^dist:.*\n((?:\t.*\n)+)/m)?.[1] ?? "";
if (!/trunk build --release\b.*--dist dist\b/.test(release)) problems.push("make dist does not write dist/ by name (--dist dist)");
if (problems.length) {
  console.error(problems.map((problem) => `check-trunk: ${problem}`).join("\n"));
  process.exit(1);
}
console.log(`check-trunk: development builds go to ${folder}, the release build to dist/`);
