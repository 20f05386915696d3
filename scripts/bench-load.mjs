// Load-time figures in headless Chromium against dist/ on loopback:
//  - navigation to an interactive scenario list, cold (new profile) and warm
//    (service worker active), median of several runs, beside a static HTML
//    page listing the same scenarios (same stylesheet, plain links) loaded
//    the same way, and the ratio of the two. The list is interactive once
//    it is shown: index.html holds it as plain links (scripts/prerender.mjs)
//    that static/loader.js follows, so a click on a scenario starts the full
//    player before the list page's own code has run;
//  - from that click (warm) to the conversation: the full player starting,
//    fetched or not yet by its low-priority prefetch;
//  - loading and rendering the progress page with a 500-attempt record.
// Usage: node scripts/bench-load.mjs [runs]   (after scripts/build)
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { serve } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, "tests/e2e/package.json"));
const { chromium } = require("playwright-core");
const runs = Number(process.argv[2] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The static page: the same scenarios as links, with the app's stylesheet.
const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const items = readdirSync(path.join(root, "scenarios"))
  .filter((f) => f.endsWith(".toml"))
  .sort()
  .map((f) => {
    const src = readFileSync(path.join(root, "scenarios", f), "utf8");
    const id = src.match(/^id = "(.*)"/m)?.[1] ?? f;
    const title = src.match(/^title = "(.*)"/m)?.[1] ?? id;
    return `<li><a href="./#/play/${id}" data-testid="start-${id}">${esc(title)}</a></li>`;
  });
const css = readdirSync(path.join(root, "dist")).find((f) => /^app-.*\.css$/.test(f));
const staticList = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scenarios</title><link rel="stylesheet" href="${css}"></head><body><main><h1>Pick a customer</h1><ul data-testid="scenario-list">${items.join("")}</ul></main></body></html>`;

const server = await serve({ dir: path.join(root, "dist"), extra: { "/static-list.html": staticList } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// The browser's own first-contentful-paint time of the page just loaded
// (the list, on both pages), beside the time seen from outside.
const paints = new Map();
async function timeList(page, url = server.url, into = null) {
  const t0 = Date.now();
  // Not until the load event: the list may be usable before it.
  await page.goto(url, { waitUntil: "commit" });
  await page.locator('[data-testid="scenario-list"] > li').first().waitFor();
  await page.getByTestId("start-account-locked").waitFor({ state: "visible" });
  const elapsed = Date.now() - t0;
  if (into) {
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);
    if (fcp !== null) {
      if (!paints.has(into)) paints.set(into, []);
      paints.get(into).push(Math.round(fcp));
    }
  }
  return elapsed;
}

// The two pages are measured in turn, each navigation after the browser has
// settled (the previous page's background work, such as the service worker
// storing the app, done), so neither is measured in the other's wake.
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
const cold = [];
const warm = [];
const click = [];
const coldStatic = [];
const warmStatic = [];
for (let i = 0; i < runs; i++) {
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await settle();
    coldStatic.push(await timeList(page, `${server.url}static-list.html`));
    await settle();
    warmStatic.push(await timeList(page, `${server.url}static-list.html`, "static"));
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await settle();
  cold.push(await timeList(page));
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await settle();
  warm.push(await timeList(page, server.url, "app"));
  const t0 = Date.now();
  await page.getByTestId("start-account-locked").click();
  await page.getByTestId("reply-input").waitFor();
  click.push(Date.now() - t0);
  await context.close();
}
const ratio = (a, b) => (median(a) / Math.max(1, median(b))).toFixed(2);
console.log(`load: navigation to an interactive scenario list, median of ${runs}: cold ${median(cold)} ms, warm (service worker) ${median(warm)} ms`);
console.log(`load: a static HTML page of the same list: cold ${median(coldStatic)} ms, warm (browser cache) ${median(warmStatic)} ms`);
console.log(`load: each run (ms): app cold ${cold.join(" ")}; static cold ${coldStatic.join(" ")}; app warm ${warm.join(" ")}; static warm ${warmStatic.join(" ")}`);
console.log(`load: app / static page: cold ${ratio(cold, coldStatic)}x (goal 2), warm ${ratio(warm, warmStatic)}x (goal 1.5)`);
if (paints.has("app") && paints.has("static")) {
  const [a, b] = [paints.get("app"), paints.get("static")];
  console.log(`load: first contentful paint, warm, as the browser records it: app ${median(a)} ms, static page ${median(b)} ms (${ratio(a, b)}x; the figure above also counts the page being free to answer)`);
}
console.log(`load: from a click on a scenario in the list to its conversation (the full player starting), warm: ${median(click)} ms`);

const bin = path.join(root, "target/release/rapport");
const sample = existsSync(bin)
  ? execFileSync(bin, ["sample-progress", "500"]).toString().trim()
  : execFileSync("cargo", ["run", "--quiet", "--release", "--bin", "rapport", "--", "sample-progress", "500"], { cwd: root }).toString().trim();
const render = [];
for (let i = 0; i < Math.max(3, Math.floor(runs / 2)); i++) {
  const context = await browser.newContext();
  await context.addInitScript((blob) => localStorage.setItem("rapport.progress", blob), sample);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId("scenario-list").waitFor();
  const t0 = Date.now();
  await page.evaluate(() => { location.hash = "#/progress"; });
  await page.getByTestId("chart-steps").waitFor();
  await page.getByTestId("attempts").waitFor();
  render.push(Date.now() - t0);
  const shown = await page.getByTestId("stat-attempts").innerText();
  if (shown !== "500") throw new Error(`expected 500 attempts, saw ${shown}`);
  await context.close();
}
console.log(`progress page: a 500-attempt record (${(sample.length / 1024).toFixed(1)} KB) rendered in ${median(render)} ms (median of ${render.length}; from the list, the full player starting)`);
const t0 = Date.now();
{
  const context = await browser.newContext();
  await context.addInitScript((blob) => localStorage.setItem("rapport.progress", blob), sample);
  const page = await context.newPage();
  await page.goto(`${server.url}#/progress`);
  await page.getByTestId("chart-steps").waitFor();
  console.log(`progress page: opened directly with that record, cold, in ${Date.now() - t0} ms`);
  await context.close();
}
await browser.close();
await server.close();
