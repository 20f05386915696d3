// A smoke test in three browser engines over WebDriver: Chromium
// (chromedriver), Firefox ESR (geckodriver) and WebKitGTK, Safari's engine
// (WebKitWebDriver with MiniBrowser, under Xvfb). Home, two replies (the
// first in the default window, the second phone-sized; each answer in view
// above the reply box), the result (its heading focused, its outcome announced),
// progress, then a reload with the server gone (offline).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import { Builder, By, Key, until } from "selenium-webdriver";
import { serve, shot, shots } from "./harness.mjs";

const SCENARIO = "billing-double-charge";
const WEBKIT_DIR = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1";

const ENGINES = {
  chromium: {
    command: ["chromedriver"],
    capabilities: {
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: process.env.CHROMIUM ?? "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      },
    },
  },
  "firefox-esr": {
    command: ["geckodriver"],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"] },
    },
  },
  webkitgtk: {
    command: ["xvfb-run", "-a", "WebKitWebDriver"],
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: `${WEBKIT_DIR}/MiniBrowser`, args: ["--automation"] },
    },
  },
};

function freePort() {
  return new Promise((ok) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts a WebDriver server and waits until it answers /status. */
async function startDriver(command) {
  const port = await freePort();
  const [bin, ...args] = command;
  const child = spawn(bin, [...args, `--port=${port}`], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${bin} exited: ${log}`);
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100)); // polling a starting process, not waiting on the app
  }
  return { url, stop: () => { try { process.kill(-child.pid); } catch {} } };
}

const byTestId = (id) => By.css(`[data-testid="${id}"]`);

/** Waits until the element's text matches, finding it afresh each time (a
 * page still settling may replace it). */
async function waitForText(driver, id, pattern, timeout = 20000) {
  let last = "";
  try {
    await driver.wait(async () => {
      try {
        last = await driver.findElement(byTestId(id)).getText();
        return pattern.test(last);
      } catch {
        return false;
      }
    }, timeout);
  } catch {
    assert.fail(`${id} never matched ${pattern} (last seen: ${JSON.stringify(last)})`);
  }
}

/** Whether the newest customer line is in the viewport above the reply dock. */
const NEWEST_IN_VIEW = `
  const all = document.querySelectorAll('[data-testid="customer-message"]');
  const r = all[all.length - 1].getBoundingClientRect();
  const dock = document.querySelector('[data-testid="dock"]');
  const limit = dock ? dock.getBoundingClientRect().top : window.innerHeight;
  return r.top >= 0 && r.bottom <= limit + 1;`;

/** Sends a reply; unless that ended the conversation, the customer's answer
 * must come into view above the reply box. */
async function sendReply(driver, text) {
  const before = (await driver.findElements(byTestId("customer-message"))).length;
  const box = await driver.findElement(byTestId("reply-input"));
  await box.sendKeys(text, Key.ENTER);
  await driver.wait(async () => (await driver.findElements(byTestId("customer-message"))).length > before, 10000);
  if ((await driver.findElements(byTestId("result"))).length === 0) {
    const left = await driver.executeScript('return document.querySelector(\'[data-testid="reply-input"]\').value');
    assert.equal(left, "", "the reply box is emptied once the reply is sent");
    try {
      await driver.wait(() => driver.executeScript(NEWEST_IN_VIEW), 5000);
    } catch {
      const where = await driver.executeScript(`
        const all = document.querySelectorAll('[data-testid="customer-message"]');
        const r = all[all.length - 1].getBoundingClientRect();
        const dock = document.querySelector('[data-testid="dock"]');
        return { top: r.top, bottom: r.bottom, dock: dock && dock.getBoundingClientRect().top, inner: innerHeight, width: innerWidth, scrollY };`);
      assert.fail(`the newest customer line is not in view above the reply box: ${JSON.stringify(where)}`);
    }
  }
}

for (const [name, engine] of Object.entries(ENGINES)) {
  test(`smoke in ${name}: home, two replies, result, progress, offline reload`, async () => {
    if (name === "webkitgtk") assert.ok(existsSync(`${WEBKIT_DIR}/MiniBrowser`), "MiniBrowser is installed (scripts/setup --browser)");
    const server = await serve();
    const driverServer = await startDriver(engine.command);
    const driver = await new Builder().usingServer(driverServer.url).withCapabilities(engine.capabilities).build();
    try {
      await driver.manage().setTimeouts({ implicit: 0, pageLoad: 30000, script: 30000 });
      await driver.get(server.url);
      // The list is in index.html before the list page's code mounts over it.
      await driver.wait(() => driver.executeScript("return document.documentElement.hasAttribute('data-ready')"), 20000);
      const start = await driver.wait(until.elementLocated(byTestId(`start-${SCENARIO}`)), 20000);
      await start.click();
      await driver.wait(until.elementLocated(byTestId("reply-input")), 10000);
      await sendReply(driver, "Hi Dana, I'm Sam from billing. I'm so sorry, being charged twice must be really stressful. Can you tell me the date of the charges?");
      // The second reply on a phone-sized window.
      await driver.manage().window().setRect({ width: 390, height: 844 });
      await sendReply(driver, "Thank you. I'll refund the duplicate charge right now, and I'll personally make sure it goes through.");
      assert.equal((await driver.findElements(byTestId("trainee-message"))).length, 2);
      await mkdir(shots, { recursive: true });
      await writeFile(shot(`smoke-${name}-phone-conversation`), await driver.takeScreenshot(), "base64");
      if ((await driver.findElements(byTestId("result"))).length === 0) {
        await driver.findElement(byTestId("end-button")).click();
        await (await driver.wait(until.elementLocated(byTestId("confirm-end-yes")), 5000)).click();
      }
      await waitForText(driver, "result-total", /^\d+%$/);
      await driver.wait(() => driver.executeScript('return document.activeElement && document.activeElement.id === "result-title"'), 5000, "the result's heading has focus");
      const said = await driver.executeScript('return document.querySelector(\'[data-testid="announcer"]\').textContent');
      assert.match(said, /The conversation is over\. .*Conversation score \d+%/, "the result is announced");

      await driver.findElement(byTestId("nav-progress")).click();
      await waitForText(driver, "stat-attempts", /^1$/);

      // Offline: once the service worker controls the page, the server goes away.
      await driver.wait(() => driver.executeScript("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"), 20000);
      const url = await driver.getCurrentUrl();
      await server.close();
      // Opened afresh, as a visitor would: under geckodriver a refresh with
      // the server stopped showed Firefox's error page instead of going
      // through the service worker; a navigation goes through it everywhere.
      await driver.get(url.replace("#", "?offline#"));
      await waitForText(driver, "stat-attempts", /^1$/);
    } finally {
      await driver.quit().catch(() => {});
      driverServer.stop();
      await server.close().catch(() => {});
    }
  });
}
