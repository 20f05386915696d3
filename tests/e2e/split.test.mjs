// The first load is the list page (a small module); the full player
// (dist/engine/) is fetched only once the list is shown and takes over when
// the trainee leaves the list, at once on a deep link, offline after one
// visit, and from a sub-path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, send, throughServiceWorker, useBrowserAndServer, shot } from "./harness.mjs";

const env = useBrowserAndServer();
const SCENARIO = "billing-double-charge";
const isEngine = (url) => new URL(url).pathname.includes("/engine/");

/**
 * A page that notes when the scenario list first appears (epoch ms), every
 * request (`requests`, the service worker's too) and the page's own (`fetched`).
 */
async function watchedPage(browser) {
  const context = await browser.newContext();
  // When a drawn frame first shows the list (index.html holds it as HTML,
  // hidden on a deep link).
  await context.addInitScript(() => {
    const look = () => {
      const item = document.querySelector('[data-testid="scenario-list"] > li');
      if (item && item.checkVisibility()) window.__listShownAt = performance.timeOrigin + performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), at: Date.now() }));
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return { context, page, requests, fetched, errors };
}

test("the list is shown before the full player is fetched, which is then prefetched, once", async () => {
  const { context, page, requests, fetched, errors } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId("scenario-list").waitFor();
  assert.equal(await page.locator("html[data-engine]").count(), 0, "the list page, not the player");
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("_bg.wasm") && e.name.includes("/engine/")));
  const shownAt = await page.evaluate(() => window.__listShownAt);
  const engine = requests.filter((r) => isEngine(r.url));
  assert.ok(engine.some((r) => r.url.endsWith(".js")) && engine.some((r) => r.url.endsWith("_bg.wasm")), "prefetched");
  for (const r of engine) assert.ok(r.at >= shownAt, `${r.url} was requested ${shownAt - r.at} ms before the list was shown`);
  const list = await page.getByTestId("scenario-list").locator("> li").count();
  assert.ok(list >= 10, `${list} scenarios listed`);
  assert.equal(await page.title(), "Pick a customer · Rapport");
  await page.screenshot({ path: shot("list-page"), fullPage: true });
  await page.getByTestId(`start-${SCENARIO}`).click();
  await page.getByTestId("reply-input").waitFor();
  const wasm = fetched.filter((u) => isEngine(u) && u.endsWith("_bg.wasm"));
  assert.equal(wasm.length, 1, "the player starts from the prefetched download");
  assert.deepEqual(errors, []);
  await context.close();
});

/** A page whose list-page WebAssembly is held back until `release()`. */
async function heldListPage(browser) {
  const watched = await watchedPage(browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await watched.page.route(/\/rapport-home-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return { ...watched, release };
}

test("index.html shows the list before any code has run, and its links already start the player", async () => {
  const { context, page, errors, release } = await heldListPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId(`start-${SCENARIO}`).waitFor();
  assert.equal(await page.locator("html[data-ready]").count(), 0, "the list page's code has not run");
  assert.equal(await page.locator("#boot").isVisible(), false, "no loading message over the list");
  assert.equal(await page.locator(".filters").isVisible(), false, "the filters wait for the code that runs them");
  await page.screenshot({ path: shot("list-before-code"), fullPage: true });
  await page.getByTestId(`start-${SCENARIO}`).click();
  await page.getByTestId("reply-input").waitFor();
  assert.equal(await page.getByTestId("customer-message").count(), 1);
  release();
  await send(page, "Hi Dana, I'm so sorry about the double charge.");
  assert.equal(await page.getByTestId("customer-message").count(), 2, "the list page, arriving late, did not mount over the player");
  assert.deepEqual(errors, []);
  await context.close();
});

test("what has keyboard focus in the list as HTML keeps it when the list page mounts over it", async () => {
  const { context, page, errors, release } = await heldListPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId(`start-${SCENARIO}`).waitFor();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
  for (let i = 0; i < 12 && !(await focused())?.startsWith("start-"); i++) await page.keyboard.press("Tab");
  const id = await focused();
  assert.match(id ?? "", /^start-/, "Tab reaches a scenario's link before the code runs");
  await page.evaluate(() => { document.activeElement.dataset.before = "1"; });
  release();
  await page.locator("html[data-ready]").waitFor({ state: "attached" });
  await page.waitForFunction((want) => document.activeElement?.getAttribute("data-testid") === want, id);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.before), undefined, "the element is the mounted list's");
  assert.equal(await page.locator(".filters").isVisible(), true);
  await page.keyboard.press("Enter");
  await page.getByTestId("reply-input").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("opening a scenario from the list starts the full player, which plays", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId(`start-${SCENARIO}`).click();
  await page.getByTestId("reply-input").waitFor();
  assert.equal(await page.locator("html[data-engine]").count(), 1);
  await send(page, "Hi Dana, I'm so sorry about the double charge. Can you tell me the date of the charges?");
  assert.equal(await page.getByTestId("customer-message").count(), 2);
  // The player owns the page now: its own list, one app, one header.
  await page.getByTestId("nav-scenarios").click();
  await page.getByTestId("scenario-list").waitFor();
  assert.equal(await page.locator("#app").count(), 1);
  assert.equal(await page.locator("header.topbar").count(), 1);
  assert.equal(await page.getByTestId("resume-notice").count(), 1, "the player's home offers the conversation back");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a deep link starts the full player directly", async () => {
  for (const [hash, testid] of [[`#/play/${SCENARIO}`, "reply-input"], ["#/progress", "progress-page"]]) {
    const { context, page, requests, errors } = await watchedPage(env.browser);
    await page.goto(`${env.server.url}${hash}`);
    await page.getByTestId(testid).waitFor();
    assert.equal(await page.evaluate(() => window.__listShownAt), undefined, "the list was never shown");
    assert.ok(requests.some((r) => isEngine(r.url)));
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("after one visit to the list, the whole app works offline, the full player included", async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId("scenario-list").waitFor();
    await throughServiceWorker(page);
    await page.getByTestId("scenario-list").waitFor();
    await server.close();
    const offline = await context.newPage();
    await offline.goto(server.url);
    await offline.getByTestId(`start-${SCENARIO}`).click();
    await offline.getByTestId("reply-input").waitFor();
    await send(offline, "Hi Dana, I'm so sorry about the double charge.");
    await offline.goto(`${server.url}#/progress`);
    await offline.getByTestId("progress-page").waitFor();
    await context.close();
  } finally {
    await browser.close();
  }
});

test("from a sub-path, the list, a deep link and the player all load", async () => {
  const sub = await serve({ prefix: "/team/rapport/" });
  const deep = await openPage(env.browser);
  await deep.page.goto(`${sub.url}#/play/${SCENARIO}`);
  await deep.page.getByTestId("customer-message").first().waitFor();
  assert.deepEqual(deep.errors, []);
  await deep.page.close();
  const { page, errors } = await openPage(env.browser);
  await page.goto(sub.url);
  await page.getByTestId("scenario-list").waitFor();
  assert.equal(await page.locator("html[data-engine]").count(), 0);
  await page.getByTestId("nav-progress").click();
  await page.getByTestId("progress-page").waitFor();
  assert.match(page.url(), /\/team\/rapport\/#\/progress$/);
  assert.deepEqual(errors, []);
  await page.close();
  await sub.close();
});
