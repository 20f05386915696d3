// Keyboard only, as a screen-reader user moves: the skip link, a title and a
// focused heading per view, evidence that explains itself on focus, only the
// new line announced, a reply tried again, and a conversation that survives
// a visit elsewhere or a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { endConversation, openPage, send, useBrowserAndServer } from "./harness.mjs";

const env = useBrowserAndServer();
const SCENARIO = "billing-double-charge";
const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.id ?? document.activeElement?.tagName);

test("a keyboard-only trainee plays a conversation from the home page to the result", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId("scenario-list").waitFor();
  // The list is HTML at first paint; its module mounts once the page is idle.
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-ready"));
  assert.match(await page.title(), /^Pick a customer · Rapport$/);
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await focused(page), "content", "the skip link moves focus to the main content");
  assert.doesNotMatch(page.url(), /#content/, "and leaves the route alone");

  // Tab to the first scenario's start link and open it.
  for (let i = 0; i < 40 && !/^start-/.test((await focused(page)) ?? ""); i++) await page.keyboard.press("Tab");
  const start = await focused(page);
  assert.match(start, /^start-/);
  await page.keyboard.press("Enter");
  await page.getByTestId("play").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "brief-title");
  assert.doesNotMatch(await page.title(), /^Pick a customer/);

  // Into the reply box by keyboard, send, and hear only what is new.
  for (let i = 0; i < 40 && (await focused(page)) !== "reply-input"; i++) await page.keyboard.press("Tab");
  await page.keyboard.type("Hi, I'm Sam. I'm so sorry this happened. Calm down though. Can you tell me more?");
  await page.keyboard.press("Enter");
  await page.getByTestId("trainee-message").waitFor();
  const said = await page.getByTestId("announcer").textContent();
  assert.match(said, /^Reply 1 scored \d+%\./);
  const opening = await page.getByTestId("customer-message").first().locator(".bubble").textContent();
  assert.ok(!said.includes(opening), "the opening line is not announced again");
  const newest = await page.getByTestId("customer-message").last().locator(".bubble").textContent();
  assert.ok(said.endsWith(newest), "the customer's new line is announced");
  assert.equal(await page.locator("[aria-live], [role=log]").count(), 0, "no live region repeats the transcript");

  // Evidence explains itself on focus.
  await page.getByTestId("evidence").first().focus();
  assert.ok(await page.getByTestId("evidence").first().locator(".why").isVisible());

  // End by keyboard, through the confirmation.
  await page.getByTestId("end-button").focus();
  await page.keyboard.press("Enter");
  assert.equal(await focused(page), "confirm-end-yes");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "result-title");

  // Back up to the reply and try it again, by keyboard: Enter opens it,
  // Enter scores it, and the result is said in a status message.
  const onRetry = () => page.evaluate(() => document.activeElement?.tagName === "SUMMARY" && !!document.activeElement.closest('[data-testid="retry-1"]'));
  for (let i = 0; i < 80 && !(await onRetry()); i++) await page.keyboard.press("Shift+Tab");
  assert.ok(await onRetry(), "Try this reply again is reachable by keyboard");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal(await focused(page), "retry-input");
  await page.keyboard.type("Hi, I'm Sam from billing. I'm so sorry you were charged twice. Can you tell me the date of the charges?");
  await page.keyboard.press("Enter");
  await page.getByTestId("retry-result").locator("strong").first().waitFor();
  assert.equal(await page.getByTestId("retry-result").getAttribute("role"), "status");
  assert.deepEqual(errors, []);
  await page.close();
});

test("each view has its own title and its heading takes focus", async () => {
  const { page } = await openPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId("scenario-list").waitFor();
  for (const [nav, title] of [["nav-progress", "Your progress · Rapport"], ["nav-scenarios", "Pick a customer · Rapport"]]) {
    await page.getByTestId(nav).click();
    await page.waitForFunction((t) => document.title === t, title);
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  }
  // The Trainers page is the studio's own page: a new document with its own title.
  await page.getByTestId("nav-trainer").click();
  await page.waitForURL(/\/studio\/$/);
  await page.waitForFunction(() => document.title === "Write and try scenarios · Rapport");
  assert.equal(await page.getByTestId("nav-trainer").getAttribute("aria-current"), "page");
  await page.close();
});

test("a conversation left for another page, or reloaded, is waiting on return", async () => {
  const { page } = await openPage(env.browser);
  await page.goto(`${env.server.url}#/play/${SCENARIO}`);
  await send(page, "Hi Dana, I'm Sam. I'm so sorry. Can you tell me the date of the charges?");
  const lines = await page.locator('[data-testid="customer-message"] .bubble').allTextContents();
  await page.getByTestId("nav-progress").click();
  await page.getByTestId("progress-page").waitFor();
  await page.goBack();
  await page.getByTestId("resumed").waitFor();
  assert.deepEqual(await page.locator('[data-testid="customer-message"] .bubble').allTextContents(), lines);
  // From the home page too.
  await page.getByTestId("nav-scenarios").click();
  await page.getByTestId("resume").click();
  await page.getByTestId("resumed").waitFor();
  assert.equal(await page.getByTestId("trainee-message").count(), 1);
  // And after a reload, replayed by the engine to the same place.
  await page.reload();
  await page.getByTestId("resumed").waitFor();
  assert.deepEqual(await page.locator('[data-testid="customer-message"] .bubble').allTextContents(), lines);
  await page.waitForFunction(() => {
    const all = document.querySelectorAll('[data-testid="customer-message"]');
    const r = all[all.length - 1].getBoundingClientRect();
    return r.top >= 0 && r.bottom <= document.querySelector('[data-testid="dock"]').getBoundingClientRect().top;
  }, null, { timeout: 3000 });
  await send(page, "Which card did the two charges go on?");
  assert.equal(await page.getByTestId("trainee-message").count(), 2);
  await endConversation(page);
  await page.reload();
  await page.getByTestId("play").waitFor();
  assert.equal(await page.getByTestId("trainee-message").count(), 0, "a finished conversation starts afresh");
  await page.close();
});
