// Nothing lost, nothing stale: unreadable saved scenarios held and backed up,
// a full library that refuses instead of dropping, and scenario packs fetched
// network-first through the service worker.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve, useBrowserAndServer, throughServiceWorker, gymPause } from "./harness.mjs";

const env = useBrowserAndServer();

const SCENARIO = gymPause();

/** A context whose storage starts with `items`, set once before the app loads. */
async function contextWith(items) {
  const context = await env.browser.newContext();
  await context.addInitScript((items) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, items);
  return context;
}

async function addInEditor(page) {
  await page.getByTestId("editor").fill(SCENARIO);
  await page.waitForFunction(() => !document.querySelector('[data-testid="add"]').disabled);
  await page.getByTestId("add").click();
}

test("unreadable saved scenarios are backed up, explained and replaced only when asked", async () => {
  const damaged = '{"format": "rapport-custom-scenarios", "version": 1, "files": [tru';
  const context = await contextWith({ "rapport.custom-scenarios": damaged });
  const page = await context.newPage();
  await page.goto(`${env.server.url}studio/`);
  const notice = page.getByTestId("library-recovery");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Nothing has been deleted/);
  await addInEditor(page);
  await page.getByTestId("custom-list").waitFor();
  const stored = () => page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith("rapport.custom-scenarios")) out[k] = localStorage.getItem(k);
    }
    return out;
  });
  let all = await stored();
  assert.equal(all["rapport.custom-scenarios"], damaged, "the unreadable data is not overwritten");
  const backups = Object.keys(all).filter((k) => k.startsWith("rapport.custom-scenarios.backup."));
  assert.equal(backups.length, 1);
  assert.equal(all[backups[0]], damaged);
  const download = page.waitForEvent("download");
  await page.getByTestId("library-download-raw").click();
  assert.equal((await download).suggestedFilename(), "rapport-saved-scenarios.json");
  await page.getByTestId("library-start-new").click();
  await notice.waitFor({ state: "detached" });
  await page.waitForFunction(() => (localStorage.getItem("rapport.custom-scenarios") ?? "").includes("gym-pause"));
  all = await stored();
  assert.equal(all[backups[0]], damaged, "the backup stays");
  await context.close();
});

test("a full library says so and keeps every scenario instead of dropping the oldest", async () => {
  const files = Array.from({ length: 50 }, (_, i) => ({ name: `old-${i}.toml`, source: `# ${i}` }));
  const saved = JSON.stringify({ format: "rapport-custom-scenarios", version: 1, files });
  const context = await contextWith({ "rapport.custom-scenarios": saved });
  const page = await context.newPage();
  await page.goto(`${env.server.url}studio/`);
  await addInEditor(page);
  const messages = page.getByTestId("trainer-messages");
  await messages.waitFor();
  assert.match(await messages.innerText(), /not added\. Your library already holds 50 scenarios/);
  assert.equal(await page.locator('[data-testid="custom-list"] > li').count(), 50);
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("rapport.custom-scenarios")).files.map((f) => f.name));
  assert.equal(kept[0], "old-0.toml");
  assert.equal(kept.length, 50);
  await context.close();
});

test("pack files come from the network first, with the cache as the offline fallback", async () => {
  const extra = { "/packs/week-1/pack.json": JSON.stringify({ files: ["a.toml"] }) };
  const server = await serve({ extra });
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await throughServiceWorker(page);
  const get = (url) => page.evaluate(async (url) => (await fetch(url)).text(), url);
  assert.match(await get("packs/week-1/pack.json"), /a\.toml/);
  // The trainer republishes the pack under the same name.
  extra["/packs/week-1/pack.json"] = JSON.stringify({ files: ["a.toml", "b.toml"] });
  assert.match(await get("packs/week-1/pack.json"), /b\.toml/, "the new version is seen at once");
  assert.match(await get("packs/week-1/pack.json?week=2"), /b\.toml/);
  await server.close();
  assert.match(await get("packs/week-1/pack.json"), /b\.toml/, "offline: the last copy");
  await context.close();
});
