// Trunk post-build hook: writes sw.js into the build with the list of files to
// cache and a version derived from their contents.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
// The site's configuration is read fresh each time, never cached.
const names = (await readdir(dir)).filter((n) => n !== "sw.js" && n !== "rapport.config.json").sort();
const hash = createHash("sha256");
for (const n of names) {
  hash.update(n);
  hash.update(await readFile(path.join(dir, n)));
}
const version = hash.digest("hex").slice(0, 12);
const files = ["./", ...names];
const template = await readFile(path.join(root, "static", "sw.template.js"), "utf8");
const sw = template.replace("__VERSION__", version).replace("__FILES__", JSON.stringify(files));
await writeFile(path.join(dir, "sw.js"), sw);
console.log(`service worker: ${files.length} files, cache rapport-${version}`);
