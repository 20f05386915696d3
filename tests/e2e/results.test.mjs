// Results leaving the browser: nothing without configuration; valid xAPI
// statements, never duplicated, queued while the LRS is unreachable; and the
// SCORM 1.2 score reported to an LMS's API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage } from "./harness.mjs";
import { startLrs } from "./lrs.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SCENARIO = "account-locked";
const WIN = "I've unlocked your account and sent a reset link; it'll reach your inbox within a minute.";
const AUTH = "Basic dGVzdDp0ZXN0";

async function finish(page, base) {
  await page.goto(`${base}#/play/${SCENARIO}`);
  const input = page.getByTestId("reply-input");
  await input.fill(WIN);
  await input.press("Enter");
  await page.getByTestId("result").waitFor();
}

function config(endpoint) {
  return { "/rapport.config.json": JSON.stringify({ xapi: { endpoint, auth: AUTH } }) };
}

test("without a configuration nothing leaves the browser", async () => {
  const server = await serve();
  const { page } = await openPage(browser);
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
  await finish(page, server.url);
  await page.waitForFunction(() => document.readyState === "complete");
  assert.deepEqual(foreign, []);
  assert.equal(await page.evaluate(() => localStorage.getItem("rapport.xapi.queue")), null);
  await page.close();
  await server.close();
});

test("a finished attempt reaches the LRS once, as a valid xAPI statement", async () => {
  const lrs = await startLrs({ auth: AUTH });
  const server = await serve({ extra: config(lrs.url) });
  const { page } = await openPage(browser);
  await finish(page, server.url);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
  assert.deepEqual(lrs.rejected, []);
  assert.equal(lrs.stored.size, 1);
  const [s] = lrs.stored.values();
  assert.equal(s.verb.id, "http://adlnet.gov/expapi/verbs/completed");
  assert.equal(s.object.id, `urn:rapport:scenario:${SCENARIO}`);
  assert.ok(s.result.score.scaled > 0 && s.result.score.scaled <= 1);
  assert.equal(Object.keys(s.result.extensions).length, 13);
  // A resend (same attempt) is not a duplicate.
  await page.evaluate((st) => {
    const { actor, ...rest } = st;
    dispatchEvent(new CustomEvent("rapport:statement", { detail: JSON.stringify(rest) }));
  }, s);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
  assert.equal(lrs.stored.size, 1);
  await page.close();
  await server.close();
  await lrs.close();
});

test("statements wait while the LRS is unreachable and are sent when it returns", async () => {
  const probe = await startLrs({ auth: AUTH });
  const port = probe.port;
  await probe.close();
  const server = await serve({ extra: config(`http://127.0.0.1:${port}/xapi/`) });
  const { page } = await openPage(browser);
  await finish(page, server.url);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[]").length === 1);
  const lrs = await startLrs({ port, auth: AUTH });
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
  assert.equal(lrs.stored.size, 1);
  assert.deepEqual(lrs.rejected, []);
  const exported = await page.evaluate(() => localStorage.getItem("rapport.progress"));
  assert.ok(!exported.includes(AUTH), "credentials never go into progress");
  await page.close();
  await server.close();
  await lrs.close();
});

test("inside a SCORM 1.2 LMS the score is reported to its API", async () => {
  const server = await serve();
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__scorm = {};
    window.API = {
      LMSInitialize: () => "true",
      LMSSetValue: (k, v) => { window.__scorm[k] = v; return "true"; },
      LMSCommit: () => "true",
      LMSFinish: () => "true",
      LMSGetValue: () => "",
      LMSGetLastError: () => "0",
    };
  });
  const page = await context.newPage();
  await finish(page, server.url);
  await page.waitForFunction(() => window.__scorm["cmi.core.score.raw"] !== undefined);
  const scorm = await page.evaluate(() => window.__scorm);
  assert.equal(scorm["cmi.core.score.max"], "100");
  assert.ok(Number(scorm["cmi.core.score.raw"]) > 0);
  assert.equal(scorm["cmi.core.lesson_status"], "passed");
  await context.close();
  await server.close();
});
