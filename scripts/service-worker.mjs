// Writes sw.js into a finished build (scripts/build runs it after the list
// page, the full player and the studio are built): the list page's files and
// the full player's (dist/engine/), fetched when the worker installs, so the
// whole app works offline after one visit; the studio's, cached the first
// time a trainer opens it; and a cache version derived from every file's
// contents.
// Usage: node scripts/service-worker.mjs [dist]
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";

const dir = process.argv[2] ?? "dist";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const SKIP = new Set(["sw.js", "rapport.config.json"]);
const precompressed = (n) => n.endsWith(".br") || n.endsWith(".gz");

async function list(sub) {
  const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !SKIP.has(e.name) && !precompressed(e.name))
    .map((e) => (sub ? `${sub}/${e.name}` : e.name))
    .sort();
}

const player = await list("");
const engine = await list("engine").catch(() => []);
const studio = await list("studio").catch(() => []);
const hash = createHash("sha256");
for (const n of [...player, ...engine, ...studio]) {
  hash.update(n);
  hash.update(await readFile(path.join(dir, n)));
}
const version = hash.digest("hex").slice(0, 12);
const files = ["./", ...player, ...engine];
const later = studio.length ? ["studio/", ...studio] : [];
const template = await readFile(path.join(root, "static", "sw.template.js"), "utf8");
const sw = template
  .replace("__VERSION__", version)
  .replace("__FILES__", JSON.stringify(files))
  .replace("__LATER__", JSON.stringify(later));
await writeFile(path.join(dir, "sw.js"), sw);
console.log(`service worker: ${files.length} files, ${later.length} more on the first visit to the studio, cache rapport-${version}`);
