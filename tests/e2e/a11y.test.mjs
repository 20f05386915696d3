// axe-core on every view, at desktop and phone sizes and in the dark theme:
// any violation fails, listed with the rule and the elements.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { SIZES, endConversation, send, shot, useBrowserAndServer } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const env = useBrowserAndServer();
const SCENARIO = "billing-double-charge";
const REPLY =
  "Hi Dana, I'm Sam from billing. I'm so sorry, being charged twice must be really stressful. Calm down though. I'll look into it. Can you tell me the date of the charges?";

async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Each view, reached the way a trainee would, ready for a check. */
const VIEWS = {
  home: async (page, url) => {
    await page.goto(url);
    await page.getByTestId("scenario-list").waitFor();
  },
  "play mid-conversation": async (page, url) => {
    await page.goto(`${url}#/play/${SCENARIO}?seed=7`);
    await send(page, REPLY);
    await page.getByTestId("evidence").first().focus();
  },
  result: async (page, url) => {
    await page.goto(`${url}#/play/${SCENARIO}?seed=7`);
    await send(page, REPLY);
    await endConversation(page);
  },
  "reply tried again": async (page, url) => {
    await VIEWS.result(page, url);
    const panel = page.getByTestId("retry-1");
    await panel.locator("summary").click();
    await panel.getByTestId("retry-input").fill("Hi Dana, I'm so sorry you were charged twice. I'll refund the duplicate now.");
    await panel.getByTestId("retry-send").click();
    await panel.getByTestId("retry-result").locator("strong").first().waitFor();
  },
  progress: async (page, url) => {
    await VIEWS.result(page, url);
    await page.getByTestId("nav-progress").click();
    await page.getByTestId("chart-steps").waitFor();
  },
  "trainer with errors": async (page, url) => {
    await page.goto(`${url}studio/`);
    await page.getByTestId("editor").fill('id = "x"\npersona = "personnal"\n');
    await page.getByTestId("diagnostics").locator("li").first().waitFor();
  },
  "studio preview": async (page, url) => {
    await page.goto(`${url}studio/`);
    await page.getByTestId("template").selectOption({ index: 1 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="try"]').disabled);
    await page.getByTestId("try").click();
    await page.getByTestId("preview").waitFor();
  },
};

const RUNS = [
  ["desktop", SIZES.desktop, "light"],
  ["phone", SIZES.phone, "light"],
  ["desktop", SIZES.desktop, "dark"],
];

for (const [size, viewport, scheme] of RUNS) {
  test(`axe: no violations on any view (${size}, ${scheme})`, async () => {
    const found = [];
    for (const [name, reach] of Object.entries(VIEWS)) {
      // A fresh browser profile per view: a conversation saved by one view
      // would otherwise be resumed by the next.
      const context = await env.browser.newContext({ viewport, colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await reach(page, env.server.url);
      for (const v of await axe(page)) found.push(`${name}: ${v}`);
      await page.screenshot({ path: shot(`view-${size}-${scheme}-${name.replaceAll(" ", "-")}`), fullPage: true });
      await context.close();
    }
    assert.deepEqual(found, []);
  });
}
