// A static file server for dist/ on the loopback interface, with the right
// content types (WebAssembly must be served as application/wasm).
// Usage: node scripts/serve.mjs [dir] [port]
import http from "node:http";
import { readFile, stat } from "node:fs/promises";
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
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      res.end(body);
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
