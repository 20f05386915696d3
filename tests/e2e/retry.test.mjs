// "Try this reply again" after a conversation: a branch scored by the engine,
// announced, and never written over the recorded attempt or its progress.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SIZES, endConversation, openPage, send, shot, useBrowserAndServer } from "./harness.mjs";

const env = useBrowserAndServer();
const SCENARIO = "billing-double-charge";

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`${size}: any reply can be tried again without changing the attempt`, async () => {
    const { page, errors } = await openPage(env.browser, viewport);
    await page.goto(`${env.server.url}#/play/${SCENARIO}?seed=7`);
    await send(page, "I will look into it.");
    await endConversation(page);
    const attempt = () => page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="trainee-message"] .bubble, [data-testid="trainee-message"] .score, [data-testid="customer-message"]')]
        .map((e) => e.textContent));
    const recorded = await attempt();
    const saved = await page.evaluate(() => localStorage.getItem("rapport.progress"));

    const panel = page.getByTestId("retry-1");
    await panel.locator("summary").click();
    await panel.getByTestId("retry-input").fill(
      "Hi Dana, I'm Sam from billing. I'm so sorry you were charged twice; that must be stressful. Can you tell me the date of the charges?",
    );
    // The button on a desktop, Enter (as in the reply box) on a phone.
    if (size === "desktop") await panel.getByTestId("retry-send").click();
    else await panel.getByTestId("retry-input").press("Enter");
    const result = panel.getByTestId("retry-result");
    await result.locator("strong").first().waitFor();
    const said = await result.innerText();
    const [, now, was] = said.match(/This reply scores (\d+)% \(the one you sent: (\d+)%\)/).map(Number);
    assert.ok(now > was, `the better reply scores higher: ${said}`);
    assert.match(said, /Dana Okafor would answer: \S/);
    assert.match(said, /Mood: Anger -\d+/);
    await page.getByTestId("trainee-message").screenshot({ path: shot(`retry-${size}`) });

    assert.deepEqual(await attempt(), recorded, "the recorded conversation is unchanged");
    assert.equal(await page.evaluate(() => localStorage.getItem("rapport.progress")), saved, "progress is untouched");
    assert.deepEqual(errors, []);
    await page.close();
  });
}
