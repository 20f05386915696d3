// Progress that survives reloads and damage, export/import, the team view,
// and the app working offline after one visit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { serve, openPage, shot, useBrowserAndServer, throughServiceWorker } from "./harness.mjs";

const env = useBrowserAndServer();

const SCENARIO = "account-locked";
const WIN = "I've unlocked your account and sent a reset link; it'll reach your inbox within a minute.";

async function finishOne(page, base) {
  await page.goto(`${base}#/play/${SCENARIO}`);
  const input = page.getByTestId("reply-input");
  await input.fill(WIN);
  await input.press("Enter");
  await page.getByTestId("result").waitFor();
}

async function attemptsShown(page, base) {
  await page.goto(`${base}#/progress`);
  await page.getByTestId("progress-page").waitFor();
  return Number(await page.getByTestId("stat-attempts").innerText());
}

test("a finished conversation is on the progress page and survives a reload", async () => {
  const { page, errors } = await openPage(env.browser);
  await finishOne(page, env.server.url);
  assert.equal(await attemptsShown(page, env.server.url), 1);
  await page.reload();
  await page.getByTestId("progress-page").waitFor();
  assert.equal(Number(await page.getByTestId("stat-attempts").innerText()), 1);
  await page.getByTestId("chart-steps").waitFor();
  assert.match(await page.getByTestId("practise-next").innerText(), /Practise next/);
  assert.equal(await page.locator("figure.chart .chart-title").count(), 3, "every chart has a title");
  assert.equal(await page.locator('svg[role="img"] title').count(), 1, "the drawn one for screen readers too");
  await page.screenshot({ path: shot("progress"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("damaged saved progress is kept, explained, and only replaced on request", async () => {
  const { page } = await openPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId("scenario-list").waitFor();
  const junk = '{"format":"rapport-progress","version":1,"attempts":[{broken';
  await page.evaluate((j) => localStorage.setItem("rapport.progress", j), junk);
  await page.reload();
  const banner = page.getByTestId("recovery");
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not be read/);
  const stored = await page.evaluate(() => {
    const backups = Object.keys(localStorage).filter((k) => k.startsWith("rapport.progress.backup."));
    return { main: localStorage.getItem("rapport.progress"), backup: backups.map((k) => localStorage.getItem(k)) };
  });
  assert.equal(stored.main, junk, "nothing overwritten yet");
  assert.deepEqual(stored.backup, [junk], "a backup copy was made");
  await page.screenshot({ path: shot("recovery") });

  const download = page.waitForEvent("download");
  await page.getByTestId("download-raw").click();
  const file = await (await download).path();
  assert.equal(await readFile(file, "utf8"), junk, "the raw data can be downloaded");

  await page.getByTestId("start-fresh").click();
  await banner.waitFor({ state: "detached" });
  const main = await page.evaluate(() => JSON.parse(localStorage.getItem("rapport.progress")));
  assert.equal(main.format, "rapport-progress");
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("backup")).length), 1);
  await page.close();
});

test("when storage refuses, the trainee is told and practice goes on", async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  const page = await context.newPage();
  await finishOne(page, env.server.url);
  const warning = page.getByTestId("storage-warning");
  await warning.waitFor();
  assert.match(await warning.innerText(), /not being saved/);
  assert.equal(await attemptsShown(page, env.server.url), 1, "kept in memory");
  await context.close();
});

test("export, then import into another env.browser, without duplicates; team view", async () => {
  const { page } = await openPage(env.browser);
  await finishOne(page, env.server.url);
  await page.goto(`${env.server.url}#/progress`);
  await page.getByTestId("trainee-name").fill("Ana Silva");
  await page.getByTestId("trainee-name").press("Enter");
  const download = page.waitForEvent("download");
  await page.getByTestId("export").click();
  const exported = await (await download).path();
  const json = JSON.parse(await readFile(exported, "utf8"));
  assert.equal(json.format, "rapport-progress");
  assert.equal(json.trainee, "Ana Silva");
  assert.equal(json.attempts.length, 1);

  const { page: other } = await openPage(env.browser);
  await other.goto(`${env.server.url}#/progress`);
  await other.getByTestId("import").setInputFiles([exported, exported]);
  await other.getByTestId("import-messages").waitFor();
  await other.waitForFunction(() => document.querySelector('[data-testid="stat-attempts"]').textContent === "1");
  await other.getByTestId("team-import").setInputFiles([exported]);
  const table = other.getByTestId("team-table");
  await table.waitFor({ state: "attached" });
  assert.match(await table.textContent(), /Ana Silva/);
  await other.close();
  await page.close();
});

test("after one visit the app loads and plays with the server gone", async () => {
  const own = await serve();
  const { page, errors } = await openPage(env.browser);
  await page.goto(own.url);
  await page.getByTestId("scenario-list").waitFor();
  await throughServiceWorker(page);
  await own.close();
  await page.reload();
  await page.getByTestId("scenario-list").waitFor();
  await page.getByTestId(`start-${SCENARIO}`).click();
  const input = page.getByTestId("reply-input");
  await input.fill(WIN);
  await input.press("Enter");
  await page.getByTestId("result").waitFor();
  await page.screenshot({ path: shot("offline") });
  assert.deepEqual(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);
  await page.close();
});
