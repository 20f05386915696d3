// The studio (the Trainers page) is its own WebAssembly module: a trainee's
// first load never fetches it, the player's "Trainers" link opens it, it
// works under a sub-path and offline after one visit, and a scenario a
// trainer adds there plays in the player.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve, openPage, shot, useBrowserAndServer, throughServiceWorker } from "./harness.mjs";

const env = useBrowserAndServer();

const MINE = `format = 2
id = "studio-made"
version = 1
title = "A scenario written in the studio"
persona = "functional"
difficulty = "easy"
domain = "Parcels"
summary = "Pat wants to know when the parcel arrives."
start = "start"
satisfied = ["Tomorrow, great. Thanks."]

[customer]
name = "Pat"
situation = "Pat's parcel is a day late."

[[needs]]
id = "date"
met = [{ mentions = ["tomorrow"] }]
ask = ["When will it arrive?"]

[[nodes]]
id = "start"
say = ["Hi, my parcel is late. When will it arrive?"]
`;

/** Every request a page makes, by path. */
function requests(page) {
  const seen = [];
  page.on("request", (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

test("a trainee's visit never fetches the studio; the Trainers link opens it", async () => {
  const { page, errors } = await openPage(env.browser);
  const seen = requests(page);
  await page.goto(env.server.url);
  await page.getByTestId("scenario-list").waitFor();
  await page.getByTestId("start-account-locked").click();
  await page.getByTestId("customer-message").first().waitFor();
  await page.getByTestId("nav-progress").click();
  await page.getByTestId("progress-page").waitFor();
  assert.deepEqual(seen.filter((p) => p.includes("/studio/") || p.includes("rapport-studio")), []);
  await page.getByTestId("nav-trainer").click();
  await page.getByTestId("editor").waitFor();
  assert.match(page.url(), /\/studio\/$/);
  assert.ok(seen.some((p) => /\/studio\/rapport-studio-[0-9a-f]+_bg\.wasm$/.test(p)), "the studio's module loads there");
  // Its links lead back into the player.
  await page.getByTestId("nav-scenarios").click();
  await page.getByTestId("scenario-list").waitFor();
  assert.doesNotMatch(page.url(), /studio/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an old link to the Trainers page opens the studio", async () => {
  const { page } = await openPage(env.browser);
  await page.goto(`${env.server.url}#/trainer`);
  await page.getByTestId("editor").waitFor();
  assert.match(page.url(), /\/studio\/$/);
  await page.close();
});

test("a scenario added in the studio plays in the player", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}studio/`);
  await page.getByTestId("editor").fill(MINE);
  await page.waitForFunction(() => !document.querySelector('[data-testid="add"]')?.disabled);
  await page.getByTestId("add").click();
  await page.getByTestId("nav-scenarios").click();
  await page.getByTestId("start-studio-made").click();
  await page.getByTestId("customer-message").first().waitFor();
  assert.match(await page.getByTestId("customer-message").first().innerText(), /parcel is late/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the studio works under a sub-path", async () => {
  const sub = await serve({ prefix: "/team/rapport/" });
  const { page, errors } = await openPage(env.browser);
  await page.goto(sub.url);
  await page.getByTestId("nav-trainer").click();
  await page.getByTestId("editor").waitFor();
  assert.match(page.url(), /\/team\/rapport\/studio\/$/);
  await page.getByTestId("nav-progress").click();
  await page.getByTestId("progress-page").waitFor();
  assert.match(page.url(), /\/team\/rapport\/#\/progress$/);
  assert.deepEqual(errors, []);
  await page.close();
  await sub.close();
});

test("after one visit the studio opens with the server gone", async () => {
  const own = await serve();
  const { page, errors } = await openPage(env.browser);
  await page.goto(own.url);
  await page.getByTestId("scenario-list").waitFor();
  await throughServiceWorker(page);
  // One visit to the studio, through the worker, caches it.
  await page.getByTestId("nav-trainer").click();
  await page.getByTestId("editor").waitFor();
  await own.close();
  await page.reload();
  await page.getByTestId("editor").waitFor();
  await page.getByTestId("template").selectOption({ index: 1 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="try"]').disabled);
  await page.screenshot({ path: shot("studio-offline") });
  await page.getByTestId("nav-scenarios").click();
  await page.getByTestId("scenario-list").waitFor();
  assert.deepEqual(errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);
  await page.close();
});
