// The build ships precompressed copies and the bundled server sends them.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { dist, serve } from "./harness.mjs";

function get(url, encoding) {
  return new Promise((ok, fail) => {
    http.get(url, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", fail);
  });
}

test("every text and wasm file of the build has .br and .gz copies", async () => {
  const names = await readdir(dist);
  const wanted = names.filter((n) => /\.(html|js|wasm|css)$/.test(n));
  assert.ok(wanted.some((n) => n.endsWith(".wasm")));
  for (const n of wanted) {
    for (const ext of [".br", ".gz"]) assert.ok(names.includes(n + ext), `${n}${ext} is missing`);
  }
});

test("the bundled server sends brotli or gzip to browsers that accept them", async () => {
  const server = await serve();
  const wasm = (await readdir(dist)).find((n) => n.endsWith(".wasm"));
  const raw = (await stat(path.join(dist, wasm))).size;
  const br = await get(server.url + wasm, "gzip, deflate, br");
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(br.headers["content-type"], "application/wasm");
  assert.equal(zlib.brotliDecompressSync(br.body).length, raw);
  assert.ok(br.body.length < raw / 2, `brotli ${br.body.length} of ${raw} bytes`);
  const gz = await get(server.url + wasm, "gzip");
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.equal(zlib.gunzipSync(gz.body).length, raw);
  const plain = await get(server.url + wasm);
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body.length, raw);
  const page = await get(server.url, "br");
  assert.equal(page.headers["content-encoding"], "br");
  assert.match(zlib.brotliDecompressSync(page.body).toString(), /<title>/);
  await server.close();
});
