// Runs Lighthouse (mobile preset) against dist/ served by scripts/serve.mjs
// and prints the category scores and load metrics of the median run.
// Usage: node scripts/lighthouse.mjs [runs]   (see scripts/lighthouse)
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { serve } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "tools/lighthouse/node_modules/.bin/lighthouse");
const runs = Number(process.argv[2] ?? 3);
const server = await serve({ dir: path.join(root, "dist") });
const out = await mkdtemp(path.join(tmpdir(), "rapport-lh-"));
const reports = [];
try {
  for (let i = 0; i < runs; i++) {
    const file = path.join(out, `run-${i}.json`);
    await promisify(execFile)(bin, [
      server.url,
      "--quiet",
      "--output=json",
      `--output-path=${file}`,
      "--chrome-flags=--headless --no-sandbox --disable-gpu",
      "--only-categories=performance,accessibility,best-practices,seo",
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, maxBuffer: 1 << 26 });
    reports.push(JSON.parse(await readFile(file, "utf8")));
  }
} finally {
  await server.close();
}
reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
const r = reports[Math.floor(reports.length / 2)];
const score = (id) => Math.round(r.categories[id].score * 100);
const metric = (id) => r.audits[id].displayValue;
console.log(`Lighthouse ${r.lighthouseVersion}, mobile preset, median of ${runs} by performance`);
console.log(`performance ${score("performance")} · accessibility ${score("accessibility")} · best practices ${score("best-practices")} · SEO ${score("seo")}`);
console.log(`FCP ${metric("first-contentful-paint")} · LCP ${metric("largest-contentful-paint")} · TBT ${metric("total-blocking-time")} · CLS ${metric("cumulative-layout-shift")} · Speed Index ${metric("speed-index")}`);
console.log(`all runs, performance: ${reports.map((x) => Math.round(x.categories.performance.score * 100)).join(", ")}`);
await rm(out, { recursive: true, force: true });
