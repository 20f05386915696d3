// Test harness: serves dist/ on a loopback port and launches Debian's Chromium.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { serve as serveDir } from "../../scripts/serve.mjs";
import { withPolicy } from "../../scripts/csp.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const dist = path.join(root, "dist");
export const shots = path.join(root, "target", "e2e");

/**
 * Serves dist/ on a free loopback port (see scripts/serve.mjs). When a test
 * serves its own rapport.config.json (`extra`, which it may change while the
 * server runs), the player's and the studio's index.html carry the Content-Security-Policy the build
 * would write for that configuration (scripts/csp.mjs), uncompressed.
 */
export function serve(options = {}) {
  const extra = options.extra ?? {};
  if (!options.dir && Object.hasOwn(extra, "/rapport.config.json")) {
    const page = (file) => () => {
      const html = readFileSync(path.join(dist, file), "utf8");
      return withPolicy(html, JSON.parse(extra["/rapport.config.json"]));
    };
    for (const p of ["/index.html", "/studio/index.html"]) {
      if (!Object.hasOwn(extra, p)) Object.defineProperty(extra, p, { get: page(p.slice(1)), enumerable: true });
    }
  }
  return serveDir({ dir: dist, ...options, extra });
}

export async function launch() {
  await mkdir(shots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A page whose console errors and page errors are collected. */
export async function openPage(browser, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, errors };
}

export function shot(name) {
  return path.join(shots, `${name}.png`);
}

/**
 * Starts a browser and a server for dist/ before a test file's tests and
 * stops them after; returns an object whose `browser` and `server` are set
 * once they are up.
 */
export function useBrowserAndServer() {
  const env = { browser: null, server: null };
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The two screen sizes every layout and accessibility test runs at. */
export const SIZES = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

/** Sends a reply and waits until the customer has answered (or the conversation ended). */
export async function send(page, text) {
  const before = await page.getByTestId("customer-message").count();
  const input = page.getByTestId("reply-input");
  await input.fill(text);
  await input.press("Enter");
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="customer-message"]').length > n || document.querySelector('[data-testid="result"]'),
    before,
  );
}

/** Ends the conversation through the confirmation and waits for the result. */
export async function endConversation(page) {
  await page.getByTestId("end-button").click();
  await page.getByTestId("confirm-end-yes").click();
  await page.getByTestId("result").waitFor();
}

/**
 * Waits for the service worker to be active, then reloads so that the page
 * is served through it (the first visit never is).
 */
export async function throughServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** A small valid scenario (a gym membership pause) titled `title`. */
export function gymPause(title = "Pausing a gym membership") {
  return `id = "gym-pause"
title = ${JSON.stringify(title)}
persona = "personal"
difficulty = "easy"
domain = "Fitness"
summary = "Ruth wants to pause her membership while she recovers from surgery."
start = "opening"

[customer]
name = "Ruth"
situation = "Ruth has been a member for nine years."

[[nodes]]
id = "opening"
say = ["Hello dear, I need to pause my membership for a few months."]

  [[nodes.next]]
  when = { hit = ["resolve"] }
  goto = "done"

  [[nodes.next]]
  goto = "opening"

[[nodes]]
id = "done"
end = "resolved"
say = ["Thank you, that's lovely."]
`;
}
