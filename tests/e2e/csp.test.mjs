// Defence in depth: the built page carries a Content-Security-Policy that
// allows no inline script but the one it names by hash, the app runs under it, and it lets the page reach only its
// own site and the origins the site's configuration names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { useBrowserAndServer, openPage, serve, dist } from "./harness.mjs";

const env = useBrowserAndServer();

/** Collects CSP violations from the start of every document. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test("the built page has a CSP meta, and its only inline script is allowed by its hash alone", async () => {
  const html = await readFile(path.join(dist, "index.html"), "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(csp, "no CSP meta");
  assert.match(csp[1], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp[1], /connect-src 'self'(;|$)/, "the default site connects only to itself");
  assert.match(csp[1], /object-src 'none'/);
  const scriptSrc = csp[1].split(";").find((d) => d.trim().startsWith("script-src"));
  assert.doesNotMatch(scriptSrc, /unsafe-inline/, "inline scripts allowed wholesale");
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  assert.equal(inline.length, 1, "one inline script: the deep-link mark before the first paint");
  assert.match(inline[0][1], /data-deep/);
  const hash = createHash("sha256").update(inline[0][1]).digest("base64");
  assert.ok(csp[1].includes(`'sha256-${hash}'`), "the inline script's hash is in script-src");
  assert.equal((csp[1].match(/'sha256-/g) ?? []).length, 1, "no other hash is allowed");
  assert.doesNotMatch(html, /<link rel="(module)?preload"[^>]*rapport-home/, "the list page's module is not fetched before the list is drawn");
  assert.doesNotMatch(html, /\son[a-z]+=/i, "an inline event handler");
});

test("the app starts and plays under its CSP, with no violation", async () => {
  const { page, errors } = await openPage(env.browser);
  await watchViolations(page);
  await page.goto(`${env.server.url}#/play/account-locked`);
  const input = page.getByTestId("reply-input");
  await input.fill("I've unlocked your account and sent a reset link; it'll reach your inbox within a minute.");
  await input.press("Enter");
  await page.getByTestId("result").waitFor();
  await page.getByTestId("nav-progress").click();
  await page.getByTestId("nav-trainer").click();
  await page.locator("textarea").first().waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors.filter((e) => /Content Security Policy/i.test(e)), []);
  await page.close();
});

test("a launch naming an LRS the site does not list is refused, and the CSP blocks it too", async () => {
  let hits = 0;
  const other = http.createServer((req, res) => { hits += 1; res.writeHead(204, { "access-control-allow-origin": "*" }).end(); });
  await new Promise((ok) => other.listen(0, "127.0.0.1", ok));
  const lrs = `http://127.0.0.1:${other.address().port}`;
  const server = await serve({ extra: { "/rapport.config.json": JSON.stringify({ lrs_origins: [] }) } });
  try {
    const { page, errors } = await openPage(env.browser);
    await watchViolations(page);
    const launch = new URLSearchParams({ endpoint: `${lrs}/xapi/`, auth: "Basic eDp5", actor: JSON.stringify({ mbox: "mailto:a@example.org" }) });
    await page.goto(`${server.url}?${launch}#/play/account-locked`);
    await page.getByTestId("reply-input").waitFor();
    await page.waitForFunction(() => document.readyState === "complete");
    assert.ok(errors.some((e) => /names an LRS at http:\/\/127\.0\.0\.1:\d+, which this site does not list/.test(e)), errors.join("\n"));
    // Even a script that tried would be stopped by the policy.
    const blocked = await page.evaluate((url) => fetch(url).then(() => false, () => true), `${lrs}/xapi/about`);
    assert.equal(blocked, true);
    assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith("connect-src")));
    assert.equal(hits, 0);
    await page.close();
  } finally {
    await server.close();
    other.close();
  }
});
