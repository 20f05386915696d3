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

// The site's web server adds the credentials when it forwards to the LRS
// (here the test LRS takes none): the served file names only the endpoint.
function config(endpoint) {
  return { "/rapport.config.json": JSON.stringify({ xapi: { endpoint } }) };
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

test("an LRS key in rapport.config.json is refused with a message and nothing is sent", async () => {
  const lrs = await startLrs({ auth: AUTH });
  const server = await serve({ extra: { "/rapport.config.json": JSON.stringify({ xapi: { endpoint: lrs.url, auth: AUTH } }) } });
  const { page, errors } = await openPage(browser);
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(server.url)) foreign.push(r.url()); });
  await finish(page, server.url);
  await page.waitForFunction(() => document.readyState === "complete");
  assert.deepEqual(foreign, []);
  assert.equal(lrs.stored.size, 0);
  assert.ok(errors.some((e) => /rapport\.config\.json holds an LRS key/.test(e)), errors.join("\n"));
  await page.close();
  await server.close();
  await lrs.close();
});

test("a finished attempt reaches the LRS once, as a valid xAPI statement", async () => {
  const lrs = await startLrs({ auth: null });
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
  const probe = await startLrs({ auth: null });
  const port = probe.port;
  await probe.close();
  const server = await serve({ extra: config(`http://127.0.0.1:${port}/xapi/`) });
  const { page } = await openPage(browser);
  await finish(page, server.url);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[]").length === 1);
  const lrs = await startLrs({ port, auth: null });
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

test("a statement the LRS refuses is listed with its reason and does not block the next", async () => {
  let first = null;
  const lrs = await startLrs({
    auth: null,
    // The first statement seen is refused for good; every other one is fine.
    refuse: (s) => {
      first ??= s.id;
      return s.id === first ? "actor.account.name is not allowed here" : null;
    },
  });
  const server = await serve({ extra: config(lrs.url) });
  const { page, errors } = await openPage(browser);
  await finish(page, server.url);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.refused") ?? "[]").length === 1);
  // A second conversation is sent although the first one was refused.
  await page.getByTestId("restart").click();
  const input = page.getByTestId("reply-input");
  await input.fill(WIN);
  await input.press("Enter");
  await page.getByTestId("result").waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
  assert.equal(lrs.stored.size, 1);
  assert.ok(!lrs.stored.has(first));
  assert.ok(errors.some((e) => e.includes("did not accept")), "the refusal is reported in the console");
  // The Progress page shows what was refused and why.
  await page.getByTestId("nav-progress").click();
  const refused = page.getByTestId("outbox-refused");
  await refused.waitFor();
  assert.match(await refused.innerText(), /actor\.account\.name is not allowed here/);
  assert.match(await refused.innerText(), /HTTP 400/);
  // Once the LRS accepts it, "Send them again" delivers it and the list empties.
  first = "none";
  await page.getByTestId("outbox-retry").click();
  await page.getByTestId("outbox").waitFor({ state: "detached" });
  assert.equal(lrs.stored.size, 2);
  await page.close();
  await server.close();
  await lrs.close();
});

test("while the LRS is unreachable the Progress page shows what is waiting", async () => {
  const probe = await startLrs({ auth: null });
  const port = probe.port;
  await probe.close();
  const server = await serve({ extra: config(`http://127.0.0.1:${port}/xapi/`) });
  const { page } = await openPage(browser);
  await finish(page, server.url);
  await page.getByTestId("nav-progress").click();
  assert.match(await page.getByTestId("outbox-waiting").innerText(), /^1 result is waiting/);
  const lrs = await startLrs({ port, auth: null });
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await page.getByTestId("outbox").waitFor({ state: "detached" });
  assert.equal(lrs.stored.size, 1);
  await page.close();
  await server.close();
  await lrs.close();
});

test("an LMS whose API answers booleans is initialised once and finished once", async () => {
  const server = await serve();
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__calls = [];
    window.__scorm = {};
    const log = (name, answer) => (...args) => { window.__calls.push([name, ...args]); return answer; };
    window.API = {
      LMSInitialize: log("LMSInitialize", true),
      LMSSetValue: (k, v) => { window.__calls.push(["LMSSetValue", k, v]); window.__scorm[k] = v; return true; },
      LMSCommit: log("LMSCommit", true),
      LMSFinish: log("LMSFinish", true),
      LMSGetValue: (k) => window.__scorm[k] ?? "",
      LMSGetLastError: () => "0",
    };
  });
  const page = await context.newPage();
  await finish(page, server.url);
  await page.waitForFunction(() => window.__scorm["cmi.core.score.raw"] !== undefined);
  await page.evaluate(() => { dispatchEvent(new Event("pagehide")); dispatchEvent(new Event("pagehide")); });
  const calls = await page.evaluate(() => window.__calls);
  const count = (name) => calls.filter((c) => c[0] === name).length;
  assert.equal(count("LMSInitialize"), 1);
  assert.equal(count("LMSFinish"), 1);
  assert.match(await page.evaluate(() => window.__scorm["cmi.core.session_time"]), /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  await context.close();
  await server.close();
});
