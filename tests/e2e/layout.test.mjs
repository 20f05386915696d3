// Layout in real headless Chromium at desktop and phone sizes: the newest
// customer line is never hidden under the reply box, the result is brought
// into view, focused and announced, and no page scrolls sideways.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SIZES, endConversation, openPage, send, shot, useBrowserAndServer } from "./harness.mjs";

const env = useBrowserAndServer();
const SCENARIO = "billing-double-charge";
const REPLIES = [
  "Hi Dana, I'm Sam from billing. I'm so sorry, being charged twice and left overdrawn must be really stressful, especially after waiting for a call back. Can you tell me the date of the charges?",
  "Can you tell me which card the two charges went on?",
  "I hear you.\nI understand this is really frustrating.\nLet me look at your account now.",
];

/** Where the newest customer line is, against the top of the reply dock. */
function newestLine() {
  const all = document.querySelectorAll('[data-testid="customer-message"]');
  const r = all[all.length - 1].getBoundingClientRect();
  const dock = document.querySelector('[data-testid="dock"]');
  const limit = dock ? dock.getBoundingClientRect().top : window.innerHeight;
  return { top: Math.round(r.top), bottom: Math.round(r.bottom), limit: Math.round(limit), ok: r.top >= 0 && r.bottom <= limit };
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`${size}: the newest customer line is in view above the reply box after every send`, async () => {
    const { page, errors } = await openPage(env.browser, viewport);
    await page.goto(`${env.server.url}#/play/${SCENARIO}?seed=7`);
    await page.getByTestId("reply-input").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "nothing is focused on arrival");
    for (const [i, reply] of REPLIES.entries()) {
      await send(page, reply);
      if (await page.getByTestId("result").count()) break;
      try {
        await page.waitForFunction(newestLine, null, { timeout: 3000 });
      } catch {
        assert.fail(`after reply ${i + 1} the newest line is hidden: ${JSON.stringify(await page.evaluate(newestLine))}`);
      }
      await page.screenshot({ path: shot(`layout-${size}-reply-${i + 1}`) });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${size}: the result is scrolled to, focused and announced when the conversation ends`, async () => {
    const { page, errors } = await openPage(env.browser, viewport);
    await page.goto(`${env.server.url}#/play/${SCENARIO}?seed=7`);
    await send(page, REPLIES[0]);
    await page.getByTestId("end-button").click();
    const confirm = page.getByTestId("confirm-end");
    await confirm.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "confirm-end-yes");
    await page.getByTestId("confirm-end-no").click();
    assert.equal(await confirm.count(), 0, "keeping on talking closes the question");
    assert.equal(await page.getByTestId("result").count(), 0);
    await endConversation(page);
    await page.waitForFunction(() => document.activeElement?.id === "result-title");
    const box = await page.evaluate(() => {
      const r = document.getElementById("result-title").getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    assert.ok(box.top >= 0 && box.bottom <= box.height, `result heading in view: ${JSON.stringify(box)}`);
    assert.match(await page.getByTestId("announcer").textContent(), /^The conversation is over\. You ended the conversation\. Conversation score \d+%/);
    await page.screenshot({ path: shot(`layout-${size}-result`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("phone: no page scrolls sideways", async () => {
  const { page } = await openPage(env.browser, SIZES.phone);
  for (const hash of ["#/", `#/play/${SCENARIO}`, "#/progress", "studio/"]) {
    await page.goto(`${env.server.url}${hash}`);
    await page.locator("main h1").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${hash} scrolls sideways by ${overflow}px`);
  }
  await page.close();
});
