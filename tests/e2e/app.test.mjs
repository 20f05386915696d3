// The built app in real headless Chromium: the library, a full conversation,
// hostile input, and the fallback when the WebAssembly cannot load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve, openPage, shot, useBrowserAndServer, endConversation } from "./harness.mjs";

const env = useBrowserAndServer();

const SCENARIO = "billing-double-charge";

test("the home page lists the bundled scenarios", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(env.server.url);
  const cards = page.locator('[data-testid="scenario-list"] > li');
  await cards.first().waitFor();
  assert.ok((await cards.count()) >= 1);
  const card = page.getByTestId(`scenario-${SCENARIO}`);
  assert.match(await card.innerText(), /Irate/);
  await page.screenshot({ path: shot("home"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a trainee plays a conversation and sees the result", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId(`start-${SCENARIO}`).click();
  const customer = page.getByTestId("customer-message");
  await customer.first().waitFor();
  assert.equal(await customer.count(), 1);

  const input = page.getByTestId("reply-input");
  await input.fill(
    "Hi Dana, I'm Sam from billing. I'm so sorry, being charged twice and left overdrawn must be really stressful. Can you tell me the date of the charges?",
  );
  await input.press("Enter");
  await customer.nth(1).waitFor();
  const feedback = page.getByTestId("feedback");
  await feedback.first().waitFor();
  assert.match(await page.getByTestId("reply-score").first().innerText(), /^\d+%$/);
  assert.ok((await page.locator("mark.good").count()) > 0, "evidence is highlighted");
  assert.equal(await input.inputValue(), "", "the box is cleared after sending");

  await input.fill("Thank you. I'll refund the duplicate charge right now, and I'll personally make sure it goes through.");
  await page.getByTestId("send-button").click();
  await customer.nth(2).waitFor();
  assert.equal(await page.getByTestId("trainee-message").count(), 2);
  await page.screenshot({ path: shot("conversation"), fullPage: true });

  await endConversation(page);
  const result = page.getByTestId("result");
  assert.match(await result.innerText(), /You ended the conversation/);
  assert.match(await page.getByTestId("result-total").innerText(), /^\d+%$/);
  assert.equal(await page.locator('[data-testid^="result-"] th[scope="row"]').count(), 13);
  await page.screenshot({ path: shot("result"), fullPage: true });

  // Back home and the route is reflected in the address.
  await page.getByTestId("back-home").click();
  await page.getByTestId("scenario-list").waitFor();
  assert.match(page.url(), /#\/$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("replies are shown as text, never run as markup", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}#/play/${SCENARIO}`);
  const input = page.getByTestId("reply-input");
  await input.waitFor();
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> I\'m sorry';
  await input.fill(hostile);
  await input.press("Enter");
  const mine = page.getByTestId("trainee-message").first();
  await mine.waitFor();
  assert.match(await mine.innerText(), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(".transcript img, .transcript script").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an over-long reply is refused with a message and kept in the box", async () => {
  const { page } = await openPage(env.browser);
  await page.goto(`${env.server.url}#/play/${SCENARIO}`);
  const input = page.getByTestId("reply-input");
  await input.waitFor();
  const long = "I understand. ".repeat(200);
  await input.fill(long);
  await input.press("Enter");
  await page.getByTestId("reply-error").filter({ hasText: /characters long/ }).waitFor();
  assert.equal(await input.inputValue(), long);
  assert.equal(await page.getByTestId("trainee-message").count(), 0);
  await page.close();
});

test("a phone-sized screen gets a single-column layout", async () => {
  const { page } = await openPage(env.browser, { width: 390, height: 844 });
  await page.goto(`${env.server.url}#/play/${SCENARIO}`);
  await page.getByTestId("reply-input").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  await page.screenshot({ path: shot("phone"), fullPage: true });
  await page.close();
});

test("when the WebAssembly cannot load, the page explains instead of going blank", async () => {
  const broken = await serve({ block: (p) => p.endsWith(".wasm") });
  const { page } = await openPage(env.browser);
  await page.goto(broken.url);
  const alert = page.locator(".boot-error");
  await alert.waitFor();
  assert.match(await alert.innerText(), /Rapport could not start/);
  await page.screenshot({ path: shot("wasm-failure") });
  await page.close();
  await broken.close();
});

test("the app works when published under a sub-path", async () => {
  const sub = await serve({ prefix: "/team/rapport/" });
  const { page, errors } = await openPage(env.browser);
  await page.goto(sub.url);
  await page.getByTestId(`start-${SCENARIO}`).click();
  await page.getByTestId("customer-message").first().waitFor();
  assert.match(page.url(), /\/team\/rapport\/#\/play\//);
  assert.deepEqual(errors, []);
  await page.close();
  await sub.close();
});

test("the same seed and replies give the same transcript in the env.browser and natively", async () => {
  const { execFileSync } = await import("node:child_process");
  const { existsSync } = await import("node:fs");
  const { root } = await import("./harness.mjs");
  const replies = [
    "Hi Dana, I'm Sam. I'm so sorry, being charged twice must be really stressful. Can you tell me the date of the charges?",
    "Thank you. I'll refund the duplicate charge right now.",
    "It will be back on your card in 3 to 5 business days, and I'll call you on Friday to check.",
  ];
  const bin = `${root}/target/release/rapport`;
  const args = ["play", SCENARIO, "--seed", "7"];
  const native = existsSync(bin)
    ? execFileSync(bin, args, { input: replies.join("\n") + "\n", cwd: root }).toString()
    : execFileSync("cargo", ["run", "--quiet", "--release", "--bin", "rapport", "--", ...args], {
        input: replies.join("\n") + "\n",
        cwd: root,
      }).toString();
  const nativeLines = native
    .split("\n")
    .filter((l) => l.startsWith("CUSTOMER: "))
    .map((l) => l.slice("CUSTOMER: ".length));

  const { page } = await openPage(env.browser);
  await page.goto(`${env.server.url}#/play/${SCENARIO}?seed=7`);
  const input = page.getByTestId("reply-input");
  const customer = page.getByTestId("customer-message");
  for (const [i, r] of replies.entries()) {
    await input.fill(r);
    await input.press("Enter");
    await customer.nth(i + 1).waitFor();
  }
  const browserLines = await page.locator('[data-testid="customer-message"] .bubble').allInnerTexts();
  assert.deepEqual(browserLines, nativeLines.slice(0, browserLines.length));
  assert.equal(browserLines.length, replies.length + 1);
  await page.close();
});
