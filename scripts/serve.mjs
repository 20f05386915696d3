// A static file server for dist/ on the loopback interface, with the right
// content types (WebAssembly must be served as application/wasm) and
// compression: a precompressed NAME.br or NAME.gz beside the file is sent
// when the browser accepts it (scripts/compress.mjs writes them); otherwise
// text and WebAssembly are compressed on the fly, once per file version.
// Usage: node scripts/serve.mjs [dir] [port]
import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import zlib from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".toml": "text/plain; charset=utf-8",
  ".zip": "application/zip",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".webmanifest", ".svg", ".toml"]);

/** The encodings a request accepts, best first ("br", "gzip"). */
function accepted(req) {
  const header = String(req.headers["accept-encoding"] ?? "");
  const ok = (name) => header.split(",").some((part) => {
    const [token, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return token.trim() === name && (!q || Number(q.slice(2)) > 0);
  });
  return ["br", "gzip"].filter(ok);
}

const squeeze = {
  br: (data) => zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (data) => zlib.gzipSync(data, { level: 6 }),
};
const cache = new Map();

/** The body to send for `file` and its encoding, if any. */
async function body(file, req, info) {
  if (!COMPRESSIBLE.has(path.extname(file))) return { data: await readFile(file), encoding: null };
  for (const encoding of accepted(req)) {
    const ext = encoding === "br" ? ".br" : ".gz";
    try {
      const pre = await stat(file + ext);
      if (pre.isFile() && pre.mtimeMs >= info.mtimeMs) return { data: await readFile(file + ext), encoding };
    } catch {}
    const key = `${file}|${encoding}|${info.mtimeMs}|${info.size}`;
    if (!cache.has(key)) cache.set(key, squeeze[encoding](await readFile(file)));
    return { data: cache.get(key), encoding };
  }
  return { data: await readFile(file), encoding: null };
}

/**
 * Serves `dir` on 127.0.0.1. `port` 0 picks a free one. `block(urlPath)` returning
 * true answers 404 (tests use it to simulate a missing file). `prefix` serves the
 * files under a sub-path such as "/team/rapport/". `extra` maps paths (below the
 * prefix) to contents served in addition to the files, for test configurations;
 * `cors` lets pages on other origins read the files.
 */
export async function serve({ dir, port = 0, block = () => false, prefix = "/", extra = {}, cors = false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    if (cors) res.setHeader("access-control-allow-origin", "*");
    const url = new URL(req.url, "http://127.0.0.1");
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    p = "/" + p.slice(prefix.length);
    if (p.endsWith("/")) p += "index.html";
    if (Object.hasOwn(extra, p)) {
      res.writeHead(200, { "content-type": TYPES[path.extname(p)] ?? "text/plain", "cache-control": "no-cache" });
      res.end(extra[p]);
      return;
    }
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root) || block(p)) {
      res.writeHead(404).end("not found");
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      const { data, encoding } = await body(file, req, info);
      const headers = {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "content-length": data.length,
      };
      if (COMPRESSIBLE.has(path.extname(file))) headers.vary = "accept-encoding";
      if (encoding) headers["content-encoding"] = encoding;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : data);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}${prefix}`,
    port: actual,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  const s = await serve({ dir, port });
  console.log(`Rapport is running at ${s.url}  (Ctrl+C to stop)`);
}
