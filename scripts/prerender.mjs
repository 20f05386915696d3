// Writes the list page's HTML into dist/index.html, in place of the marker
// comment inside <div id="app">: the frame and the bundled scenarios as the
// list page's own components render them (src/home/src/prerender.rs, Yew's
// server renderer). A browser then shows the list at first paint, with links
// that already work (static/loader.js starts the full player on any of
// them), and the list page's WebAssembly mounts over it a moment later.
// Usage: node scripts/prerender.mjs [dist]   (after Trunk has built the list page)
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.argv[2] ?? path.join(root, "dist"));
const marker = "<!-- rapport:list -->";

const list = execFileSync("cargo", ["run", "--quiet", "-p", "rapport-home", "--bin", "rapport-prerender"], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
  maxBuffer: 16 * 1024 * 1024,
});
if (!list.includes('data-testid="scenario-list"')) throw new Error("rapport-prerender printed no scenario list");
const page = path.join(dist, "index.html");
const html = await readFile(page, "utf8");
const at = html.indexOf(marker);
if (at < 0 || html.indexOf(marker, at + 1) >= 0) throw new Error(`${page}: expected the marker ${marker} once`);
await writeFile(page, html.slice(0, at) + list + html.slice(at + marker.length));
console.log(`prerender: the scenario list written into ${path.relative(root, page)} (${(list.length / 1024).toFixed(1)} KB)`);
