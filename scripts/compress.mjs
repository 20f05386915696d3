// Writes precompressed copies beside each text or WebAssembly file of a
// build: NAME.br (brotli, best) and NAME.gz (gzip, best), for static hosts
// that serve them (and for scripts/serve.mjs). A copy that would not be
// smaller is not written.
// Usage: node scripts/compress.mjs [dir]
import { readdir, readFile, writeFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

export const COMPRESSIBLE = [".html", ".js", ".mjs", ".wasm", ".css", ".json", ".webmanifest", ".svg", ".toml", ".txt"];

export function brotli(data) {
  return zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export function gzip(data) {
  return zlib.gzipSync(data, { level: 9 });
}

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.includes(path.extname(entry.name))) yield p;
  }
}

const main = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const dir = process.argv[2] ?? "dist";
if (main && (await stat(dir)).isDirectory()) {
  let raw = 0;
  let br = 0;
  let gz = 0;
  for await (const file of files(dir)) {
    const data = await readFile(file);
    raw += data.length;
    for (const [ext, squeeze] of [[".br", brotli], [".gz", gzip]]) {
      const out = squeeze(data);
      if (out.length < data.length) {
        await writeFile(file + ext, out);
        if (ext === ".br") br += out.length;
        else gz += out.length;
      }
    }
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`precompressed ${dir}: ${kb(raw)} raw, ${kb(br)} brotli, ${kb(gz)} gzip`);
}
