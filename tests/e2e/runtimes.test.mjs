// Real runtimes, started on 127.0.0.1 by the test: Ralph as the Learning
// Record Store (statements stored, read back and validated; a refused
// statement does not block the next), and scorm-again's Scorm12API around
// the packaged SCORM course (score, status, session time, commit, finish once).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { serve, launch, openPage, root, dist } from "./harness.mjs";
import { problems } from "./lrs.mjs";
import { startRalph } from "./ralph.mjs";
import { startLms, AU, ACTOR } from "./lms.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page, one line each. */
async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
const SCENARIO = "account-locked";
const WIN = "I've unlocked your account and sent a reset link; it'll reach your inbox within a minute.";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function play(frame) {
  const input = frame.getByTestId("reply-input");
  await input.fill(WIN);
  await input.press("Enter");
  await frame.getByTestId("result").waitFor();
}

test("Ralph stores each finished attempt; read back, it is valid xAPI 1.0.3", async () => {
  const extra = { "/rapport.config.json": "{}" };
  const server = await serve({ extra });
  const ralph = await startRalph({ origins: [new URL(server.url).origin] });
  // The site lists the LRS an LMS launch may name (and so its page's CSP).
  extra["/rapport.config.json"] = JSON.stringify({ lrs_origins: [ralph.base] });
  try {
    const { page } = await openPage(browser);
    // An "xAPI launch": the LMS puts the LRS, a key for this session and the
    // learner on the launch URL.
    const launch = new URLSearchParams({ endpoint: ralph.url, auth: ralph.auth, actor: JSON.stringify({ name: ["Learner 7"], mbox: ["mailto:learner7@example.org"] }) });
    await page.goto(`${server.url}?${launch}#/play/${SCENARIO}`);
    await play(page);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
    const stored = await ralph.statements();
    assert.equal(stored.length, 1);
    const [s] = stored;
    assert.deepEqual(problems(s, s.id), []);
    assert.equal(s.verb.id, "http://adlnet.gov/expapi/verbs/completed");
    assert.equal(s.object.id, `urn:rapport:scenario:${SCENARIO}`);
    assert.equal(s.result.success, true);
    assert.deepEqual(s.actor, { name: "Learner 7", mbox: "mailto:learner7@example.org" });
    assert.ok(s.result.score.scaled > 0 && s.result.score.scaled <= 1);
    assert.equal(Object.keys(s.result.extensions).length, 13);

    // A statement Ralph refuses (it has no verb) is listed with Ralph's
    // reason, and the next one still goes through.
    await page.evaluate((good) => {
      const bad = { ...good, id: "0b9c4a7e-1d2f-4c3b-8a5e-6f7d8c9b0a1e" };
      delete bad.verb;
      delete bad.actor;
      const next = { ...good, id: "1c0d5b8f-2e3a-4d4c-9b6f-7a8e9d0c1b2f" };
      delete next.actor;
      delete bad.authority; delete bad.stored; delete next.authority; delete next.stored;
      dispatchEvent(new CustomEvent("rapport:statement", { detail: JSON.stringify(bad) }));
      dispatchEvent(new CustomEvent("rapport:statement", { detail: JSON.stringify(next) }));
    }, s);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
    const refused = await page.evaluate(() => JSON.parse(localStorage.getItem("rapport.xapi.refused")));
    assert.equal(refused.length, 1);
    assert.match(refused[0].reason, /^HTTP 422: .*verb/);
    const ids = (await ralph.statements()).map((x) => x.id);
    assert.ok(ids.includes("1c0d5b8f-2e3a-4d4c-9b6f-7a8e9d0c1b2f"), "the statement after the refused one was stored");
    assert.equal(ids.length, 2);
    await page.getByTestId("nav-progress").click();
    await page.getByTestId("outbox-refused").waitFor();
    await page.close();
  } finally {
    await ralph.close();
    await server.close();
  }
});

test("a cmi5 launch: token fetched once, launch data read, statements in the cmi5 order in Ralph; a reload says the session ended", async () => {
  const extra = { "/rapport.config.json": "{}" };
  const server = await serve({ extra });
  const ralph = await startRalph();
  const lms = await startLms({ ralph, appOrigin: new URL(server.url).origin, masteryScore: 0.5, withReturnURL: true });
  extra["/rapport.config.json"] = JSON.stringify({ lrs_origins: [lms.origin] });
  try {
    const { page, errors } = await openPage(browser);
    const served = [];
    page.on("response", async (r) => { if (r.url().startsWith(server.url)) served.push(await r.body().catch(() => Buffer.alloc(0))); });
    const query = await lms.launch();
    await page.goto(`${server.url}${query}#/play/${SCENARIO}`);
    // The way back to the course (the LMS's returnURL) is offered throughout.
    assert.equal(await page.getByTestId("lms-bar").getByRole("link", { name: "Return to the course" }).getAttribute("href"), lms.courseUrl);
    await play(page);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
    // Leaving (here by reloading) ends the session with "terminated".
    await page.reload();
    // Reloaded, the page says plainly that the session has ended, and leads
    // back to the course to start a new one.
    const ended = page.getByTestId("lms-ended");
    await ended.getByRole("heading", { name: "Your course session has ended" }).waitFor();
    assert.equal(await ended.getAttribute("role"), "status");
    assert.equal(await ended.getByRole("link", { name: "Return to the course" }).getAttribute("href"), lms.courseUrl);
    assert.equal(await page.getByTestId("lms-bar").count(), 0);
    assert.deepEqual(await axe(page), []);
    let au = [];
    const deadline = Date.now() + 20000;
    while (!au.some((x) => x.verb.id.endsWith("/terminated"))) {
      assert.ok(Date.now() < deadline, `no terminated statement: ${au.map((x) => x.verb.id)} ${lms.seen.requests}`);
      await new Promise((ok) => setTimeout(ok, 200)); // poll the LRS until the page's last request lands
      au = (await ralph.statements()).filter((x) => x.object.id === AU);
    }
    // Reloaded, the launch is not replayed: the fetch URL (it answers once)
    // is not asked again and nothing follows "terminated"; the console says
    // to launch again from the LMS.
    await page.getByTestId("reply-input").waitFor();
    assert.equal(lms.seen.fetches, 1);
    await play(page);
    await page.goto("about:blank");
    assert.equal((await ralph.statements()).filter((x) => x.object.id === AU).length, 5);
    assert.ok(errors.some((e) => /cmi5 session ended/.test(e)), errors.join("\n"));
    const verbs = au.map((x) => x.verb.id.replace("http://adlnet.gov/expapi/verbs/", ""));
    assert.deepEqual(verbs, ["launched", "initialized", "completed", "passed", "terminated"]);
    for (const x of au) {
      assert.equal(x.context.registration, lms.registration);
      assert.deepEqual(x.actor.account, ACTOR.account);
      assert.ok(x.context.contextActivities.category.some((c) => c.id === "https://w3id.org/xapi/cmi5/context/categories/cmi5"), x.verb.id);
      assert.equal(x.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"], au[0].context.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]);
    }
    const passed = au[3];
    assert.ok(passed.context.contextActivities.category.some((c) => c.id.endsWith("/moveon")));
    assert.equal(passed.result.success, true);
    assert.ok(passed.result.score.scaled >= 0.5);
    assert.equal(passed.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"], 0.5);
    assert.match(au[4].result.duration, /^PT\d+(\.\d+)?S$/);
    // Rapport's own statement for the conversation is in the same registration.
    const attempt = (await ralph.statements()).find((x) => x.object.id === `urn:rapport:scenario:${SCENARIO}`);
    assert.equal(attempt.context.registration, lms.registration);
    // No key in anything the app's site served.
    const token = ralph.auth.replace(/^Basic /, "");
    assert.ok(served.length > 3);
    for (const body of served) assert.ok(!body.toString("latin1").includes(token), "a served file holds the LRS key");
    assert.deepEqual(errors.filter((e) => !/cmi5 session ended/.test(e)), []);
  } finally {
    await lms.close();
    await ralph.close();
    await server.close();
  }
});

test("cmi5: progress saved through the State API comes back on a fresh browser profile; Return to the course ends the session", async () => {
  const extra = { "/rapport.config.json": "{}" };
  const server = await serve({ extra });
  const ralph = await startRalph();
  const lms = await startLms({ ralph, appOrigin: new URL(server.url).origin, withReturnURL: true });
  extra["/rapport.config.json"] = JSON.stringify({ lrs_origins: [lms.origin] });
  const progressKey = () => [...lms.state.keys()].find((k) => k.endsWith("|urn:rapport:progress"));
  const kept = () => JSON.parse(lms.state.get(progressKey()).body.toString()).progress;
  try {
    // First computer, on a slow LMS: the conversation ends before the
    // launch data arrives, and its statements wait for it.
    const first = await openPage(browser);
    const release = lms.holdLaunchData();
    await first.page.goto(`${server.url}${await lms.launch()}#/play/${SCENARIO}`);
    await play(first.page);
    assert.equal(await first.page.getByTestId("lms-bar").count(), 0);
    release();
    await first.page.getByTestId("lms-bar").waitFor();
    await first.page.waitForFunction(() => JSON.parse(localStorage.getItem("rapport.xapi.queue") ?? "[1]").length === 0);
    const deadline = Date.now() + 20000;
    while (!(progressKey() && kept().split("|")[2])) {
      assert.ok(Date.now() < deadline, `no progress in the State API: ${lms.seen.requests}`);
      await new Promise((ok) => setTimeout(ok, 200)); // poll the LMS until the app's PUT lands
    }
    // Stored for this activity, learner and registration.
    const [activityId, agent, registration] = progressKey().split("|");
    assert.equal(activityId, AU);
    assert.deepEqual(JSON.parse(agent), ACTOR);
    assert.equal(registration, lms.registration);
    assert.match(lms.state.get(progressKey()).type, /^application\/json/);
    assert.match(kept(), /^rapport-lms1\|account-locked\*/);
    assert.ok(kept().length <= 4096);
    // Return to the course: the LMS's page opens and the session is terminated.
    await first.page.getByTestId("lms-bar").getByRole("link", { name: "Return to the course" }).click();
    await first.page.waitForURL(lms.courseUrl);
    const until = Date.now() + 20000;
    while (!(await ralph.statements()).some((x) => x.verb.id.endsWith("/terminated"))) {
      assert.ok(Date.now() < until, "no terminated statement");
      await new Promise((ok) => setTimeout(ok, 200)); // poll the LRS until the page's last request lands
    }
    assert.deepEqual(first.errors, []);
    const verbs = (await ralph.statements()).filter((x) => x.object.id === AU).map((x) => x.verb.id.replace(/.*\//, ""));
    assert.deepEqual(verbs.sort(), ["completed", "initialized", "launched", "passed", "terminated"]);
    await first.page.close();

    // Another computer (a fresh browser profile), a new launch of the same
    // registration: the Progress page shows the conversation.
    const second = await openPage(browser);
    await second.page.goto(`${server.url}${await lms.launch()}#/progress`);
    await second.page.getByTestId("stat-attempts").filter({ hasText: "1" }).waitFor();
    await second.page.getByTestId("attempts").getByText("Locked out", { exact: false }).first().waitFor();
    await second.page.getByTestId("lms-bar").waitFor();
    assert.deepEqual(await axe(second.page), []);
    // A conversation here joins it in the LMS's copy: a union, not an overwrite.
    await second.page.getByTestId("nav-scenarios").click();
    await second.page.getByTestId("start-" + SCENARIO).click();
    await play(second.page);
    const later = Date.now() + 20000;
    while (kept().split("|")[2].split(",").length !== 2) {
      assert.ok(Date.now() < later, `the LMS's copy: ${kept()}`);
      await new Promise((ok) => setTimeout(ok, 200)); // poll the LMS until the app's PUT lands
    }
    assert.equal(lms.seen.fetches, 2);
    assert.deepEqual(second.errors, []);
    await second.page.close();
  } finally {
    await lms.close();
    await ralph.close();
    await server.close();
  }
});

// The packaged SCORM course, unzipped (built once for the file's tests).
let packaged = null;
async function scormCourse() {
  if (packaged) return packaged;
  const out = await mkdtemp(path.join(tmpdir(), "rapport-scorm-"));
  const zip = path.join(out, "course.zip");
  const bin = path.join(root, "target", "release", "rapport");
  const args = ["package", "--scorm", "--dist", dist, "--out", zip];
  if (existsSync(bin)) execFileSync(bin, args, { cwd: root, stdio: "ignore" });
  else execFileSync("cargo", ["run", "--quiet", "--release", "--bin", "rapport", "--", ...args], { cwd: root, stdio: "ignore" });
  const course = path.join(out, "course");
  execFileSync("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", zip, course]);
  const manifest = await readFile(path.join(course, "imsmanifest.xml"), "utf8");
  const launchFile = manifest.match(/adlcp:scormtype="sco" href="([^"]+)"/)[1];
  const runtime = await readFile(require.resolve("scorm-again/scorm12"), "utf8");
  // The LMS's page: scorm-again's API on the window, the course in a frame.
  // What the LMS kept from an earlier session (its cmi.suspend_data) comes
  // in the address, as an LMS would load it from its database.
  const lms = `<!doctype html><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm-again.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  const kept = new URLSearchParams(location.search).get("suspend_data");
  if (kept !== null) window.API.loadFromJSON({ core: { entry: "resume" }, suspend_data: kept }, "cmi");
  for (const name of ["LMSInitialize", "LMSFinish", "LMSCommit", "LMSSetValue"]) {
    const real = window.API[name].bind(window.API);
    window.API[name] = (...args) => { const r = real(...args); window.calls.push([name, ...args, r, window.API.LMSGetLastError()]); return r; };
  }
</script>
<iframe id="course" src="${launchFile}" style="width:1200px;height:850px"></iframe>`;
  packaged = { course, lms, runtime };
  return packaged;
}

async function serveScorm() {
  const { course, lms, runtime } = await scormCourse();
  return serve({ dir: course, prefix: "/lms/", extra: { "/player.html": lms, "/scorm-again.js": runtime } });
}

/** The course leaves (its frame unloads) and the LMS's API has finished. */
async function leaveCourse(page) {
  await page.evaluate(() => { document.getElementById("course").src = "about:blank"; });
  await page.waitForFunction(() => window.calls.some((c) => c[0] === "LMSFinish"));
}

test("inside scorm-again's SCORM 1.2 runtime the packaged course reports once", async () => {
  const server = await serveScorm();
  try {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}player.html`);
    const frame = page.frameLocator("#course");
    await frame.getByTestId("start-" + SCENARIO).click();
    await play(frame);
    await page.waitForFunction(() => window.API.cmi.core.score.raw !== "");
    // The learner leaves the course: the frame unloads.
    await leaveCourse(page);
    const calls = await page.evaluate(() => window.calls);
    const count = (name) => calls.filter((c) => c[0] === name).length;
    assert.equal(count("LMSInitialize"), 1);
    assert.equal(count("LMSFinish"), 1);
    assert.ok(count("LMSCommit") >= 1);
    for (const c of calls) assert.equal(c.at(-2), "true", `${c.join(" ")} was refused by scorm-again`);
    const cmi = await page.evaluate(() => ({
      raw: window.API.cmi.core.score.raw,
      max: window.API.cmi.core.score.max,
      min: window.API.cmi.core.score.min,
      status: window.API.cmi.core.lesson_status,
    }));
    // session_time is write-only in SCORM 1.2: read what the course set.
    const session = calls.filter((c) => c[0] === "LMSSetValue" && c[1] === "cmi.core.session_time");
    assert.equal(session.length, 1);
    assert.ok(Number(cmi.raw) > 0 && Number(cmi.raw) <= 100, `score ${cmi.raw}`);
    assert.equal(cmi.max, "100");
    assert.equal(cmi.min, "0");
    assert.equal(cmi.status, "passed");
    assert.match(session[0][2], /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
    await page.close();
  } finally {
    await server.close();
  }
});

test("SCORM 1.2: progress kept in cmi.suspend_data (at most 4,096 characters) comes back on another computer", async () => {
  const server = await serveScorm();
  try {
    // First computer: one conversation.
    const first = await openPage(browser);
    await first.page.goto(`${server.url}player.html`);
    let frame = first.page.frameLocator("#course");
    await frame.getByTestId("start-" + SCENARIO).click();
    await play(frame);
    await first.page.waitForFunction(() => window.API.cmi.suspend_data.includes("|"));
    await leaveCourse(first.page);
    const calls = await first.page.evaluate(() => window.calls);
    const suspend = calls.filter((c) => c[0] === "LMSSetValue" && c[1] === "cmi.suspend_data");
    assert.ok(suspend.length >= 1, "cmi.suspend_data was written");
    for (const c of suspend) {
      assert.equal(c.at(-2), "true", "scorm-again accepted it");
      assert.ok(c[2].length <= 4096, `${c[2].length} characters`);
    }
    const kept = await first.page.evaluate(() => window.API.cmi.suspend_data);
    assert.match(kept, /^rapport-lms1\|account-locked\*/);
    assert.equal(kept.split("|")[2].split(",").length, 1, kept);
    // Asked to keep it for the next session.
    assert.deepEqual(calls.filter((c) => c[0] === "LMSSetValue" && c[1] === "cmi.core.exit").map((c) => c[2]), ["suspend"]);
    assert.deepEqual(first.errors.filter((e) => !/favicon/.test(e)), []);
    await first.page.close();

    // Another computer (a fresh browser profile), the same learner: the LMS
    // hands back what it kept, and the Progress page shows it.
    const second = await openPage(browser);
    assert.equal(await second.page.evaluate(() => localStorage.length).catch(() => 0), 0);
    await second.page.goto(`${server.url}player.html?${new URLSearchParams({ suspend_data: kept })}`);
    frame = second.page.frameLocator("#course");
    await frame.getByTestId("nav-progress").click();
    await frame.getByTestId("stat-attempts").filter({ hasText: "1" }).waitFor();
    await frame.getByTestId("attempts").getByText("Locked out", { exact: false }).first().waitFor();
    // A second conversation here: the LMS's copy now holds both.
    await frame.getByTestId("nav-scenarios").click();
    await frame.getByTestId("start-" + SCENARIO).click();
    await play(frame);
    await second.page.waitForFunction(() => window.API.cmi.suspend_data.split("|")[2]?.split(",").length === 2);
    await leaveCourse(second.page);
    assert.deepEqual(second.errors.filter((e) => !/favicon/.test(e)), []);
    await second.page.close();
  } finally {
    await server.close();
  }
});

test("SCORM 1.2: cmi.suspend_data Rapport cannot read is left as it is, and the page says so", async () => {
  const server = await serveScorm();
  try {
    const { page, errors } = await openPage(browser);
    const foreign = "chapter=3;quiz=passed";
    await page.goto(`${server.url}player.html?${new URLSearchParams({ suspend_data: foreign })}`);
    const frame = page.frameLocator("#course");
    const alert = frame.getByTestId("lms-unreadable");
    await alert.waitFor();
    assert.equal(await alert.getAttribute("role"), "alert");
    assert.match(await alert.innerText(), /not written by Rapport\. It is left as it is/);
    await frame.getByTestId("start-" + SCENARIO).click();
    await play(frame);
    await page.waitForFunction(() => window.API.cmi.core.score.raw !== "");
    await leaveCourse(page);
    const calls = await page.evaluate(() => window.calls);
    assert.deepEqual(calls.filter((c) => c[0] === "LMSSetValue" && c[1] === "cmi.suspend_data"), []);
    assert.equal(await page.evaluate(() => window.API.cmi.suspend_data), foreign);
    assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
    await page.close();
  } finally {
    await server.close();
  }
});
