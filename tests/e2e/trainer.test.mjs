// The trainer page: live checking with positions, a preview on the real
// engine, and custom scenarios that join and leave the library.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve, openPage, shot, useBrowserAndServer, gymPause } from "./harness.mjs";

const env = useBrowserAndServer();

const VALID = gymPause("<img src=x onerror=alert(1)> Pausing a gym membership");

test("problems are listed with line and column and marked next to the source", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}studio/`);
  const editor = page.getByTestId("editor");
  await editor.fill(VALID.replace('persona = "personal"', 'persona = "personnal"').replace('goto = "done"', 'goto = "dnoe"'));
  const summary = page.getByTestId("check-summary");
  await page.waitForFunction(() => /error/.test(document.querySelector('[data-testid="check-summary"]').textContent));
  const list = await page.getByTestId("diagnostics").innerText();
  assert.match(list, /3:11 error\[E007\] unknown persona `personnal`/);
  assert.match(list, /did you mean `personal`\?/);
  assert.match(list, /error\[E005\]/);
  // A click on a problem puts the caret on its line and column in the editor.
  await page.locator(".diag", { hasText: "3:11" }).click();
  const caret = await page.evaluate(() => {
    const area = document.querySelector('[data-testid="editor"]');
    const before = area.value.slice(0, area.selectionStart).split("\n");
    return { focused: document.activeElement === area, line: before.length, column: before.at(-1).length + 1 };
  });
  assert.deepEqual(caret, { focused: true, line: 3, column: 11 });
  assert.equal(await page.locator(".gutter-line.selected").count(), 1);
  assert.ok((await page.locator(".gutter-line.error").count()) >= 2, "problem lines are marked beside their numbers");
  await page.screenshot({ path: shot("trainer-errors"), fullPage: true });

  await editor.fill(VALID);
  await page.waitForFunction(() => document.querySelector('[data-testid="check-summary"]').textContent.startsWith("0 errors"));
  assert.match(await summary.innerText(), /0 errors/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a valid scenario can be tried, added to the library, kept, and removed", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}studio/`);
  await page.getByTestId("editor").fill(VALID);
  const tryButton = page.getByTestId("try");
  await page.waitForFunction(() => !document.querySelector('[data-testid="try"]').disabled);
  await tryButton.click();
  const preview = page.getByTestId("preview");
  await preview.getByTestId("customer-message").first().waitFor();
  await preview.getByTestId("reply-input").fill("Of course, Ruth. I'll pause your membership from today.");
  await preview.getByTestId("reply-input").press("Enter");
  await preview.getByTestId("result").waitFor();

  await page.getByTestId("add").click();
  await page.getByTestId("custom-list").waitFor();
  await page.goto(`${env.server.url}#/`);
  const card = page.getByTestId("scenario-gym-pause");
  await card.waitFor();
  assert.match(await card.innerText(), /custom/i);
  assert.match(await card.innerText(), /<img src=x onerror=alert\(1\)> Pausing/, "hostile text shown as text");
  assert.equal(await page.locator('[data-testid="scenario-list"] img').count(), 0);

  await page.reload();
  await page.getByTestId("scenario-gym-pause").waitFor();
  await page.goto(`${env.server.url}studio/`);
  await page.getByRole("button", { name: /Remove/ }).click();
  await page.goto(`${env.server.url}#/`);
  await page.getByTestId("scenario-list").waitFor();
  assert.equal(await page.getByTestId("scenario-gym-pause").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("loading several files adds the valid ones and opens a broken one", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "rapport-"));
  const good = path.join(dir, "gym-pause.toml");
  const bad = path.join(dir, "broken.toml");
  await writeFile(good, VALID);
  await writeFile(bad, 'id = "broken"\ntitle = \n');
  const { page } = await openPage(env.browser);
  await page.goto(`${env.server.url}studio/`);
  await page.getByTestId("load-files").setInputFiles([good, bad]);
  await page.waitForFunction(() => (document.querySelector('[data-testid="trainer-messages"]')?.children.length ?? 0) >= 2);
  const messages = await page.getByTestId("trainer-messages").innerText();
  assert.match(messages, /gym-pause\.toml: added to the library/);
  assert.match(messages, /broken\.toml: 1 problem to fix/);
  await page.waitForFunction(() => /E001/.test(document.querySelector('[data-testid="diagnostics"]').textContent));
  await page.close();
});

test("a pack on this site loads; a pack on another site is refused", async () => {
  const packed = VALID.replace('id = "gym-pause"', 'id = "pack-gym"');
  const site = await serve({
    extra: {
      "/packs/week-1/pack.json": JSON.stringify({ name: "Week 1", files: ["gym.toml", "broken.toml"] }),
      "/packs/week-1/gym.toml": packed,
      "/packs/week-1/broken.toml": 'id = "x"\npersona = "grumpy"\n',
    },
  });
  const { page } = await openPage(env.browser);
  await page.goto(`${site.url}studio/`);
  await page.getByTestId("pack-url").fill("packs/week-1/pack.json");
  await page.getByTestId("load-pack").click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="trainer-messages"]')?.children.length ?? 0) >= 2);
  const messages = await page.getByTestId("trainer-messages").innerText();
  assert.match(messages, /gym\.toml: added to the library/);
  assert.match(messages, /broken\.toml: \d+ problems? to fix/);
  await page.goto(`${site.url}#/`);
  await page.getByTestId("scenario-pack-gym").waitFor();

  await page.goto(`${site.url}studio/`);
  await page.getByTestId("pack-url").fill("http://example.com/pack.json");
  await page.getByTestId("load-pack").click();
  await page.waitForFunction(() => /another site/.test(document.querySelector('[data-testid="trainer-messages"]')?.textContent ?? ""));
  await page.close();
  await site.close();
});

test("calibration compares a trainer's judgement with the scorer and exports the differences", async () => {
  const { page } = await openPage(env.browser);
  await page.goto(`${env.server.url}studio/`);
  await page.getByTestId("calibration-reply").fill("Calm down, it's our policy.");
  await page.getByTestId("judge-respect").check();
  await page.getByTestId("compare").click();
  const last = page.getByTestId("calibration-last");
  await last.waitFor();
  assert.match(await last.innerText(), /Respect their view\s+yes\s+no/);
  assert.match(await page.getByTestId("agreement").innerText(), /Agreement over 1 reply: \d+% \(1 disagreement\)/);
  const download = page.waitForEvent("download");
  await page.getByTestId("export-calibration").click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  assert.match(await readFile(file, "utf8"), /irate\trespect\tCalm down, it's our policy\./);
  await page.close();
});

/** A zip archive of `entries` ([name, text]), deflated, built with node:zlib. */
async function zipOf(entries) {
  const zlib = await import("node:zlib");
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const packed = zlib.deflateRawSync(data);
    const nameBuf = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

test("a .zip pack is unpacked and its scenarios join the library", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "rapport-zip-"));
  const file = path.join(dir, "week-2.zip");
  await writeFile(file, await zipOf([
    ["week-2/zip-gym.toml", VALID.replace('id = "gym-pause"', 'id = "zip-gym"')],
    ["week-2/notes.txt", "not a scenario"],
  ]));
  const { page } = await openPage(env.browser);
  await page.goto(`${env.server.url}studio/`);
  await page.getByTestId("load-files").setInputFiles([file]);
  await page.waitForFunction(() => /zip-gym\.toml: added/.test(document.querySelector('[data-testid="trainer-messages"]')?.textContent ?? ""));
  await page.goto(`${env.server.url}#/`);
  await page.getByTestId("scenario-zip-gym").waitFor();
  await page.close();
});

test("a pack on another site loads only when the configuration allows that site", async () => {
  const other = await serve({ cors: true, extra: { "/pack/other-gym.toml": VALID.replace('id = "gym-pause"', 'id = "other-gym"') } });
  const origin = new URL(other.url).origin;
  const site = await serve({ extra: { "/rapport.config.json": JSON.stringify({ packs: { allowed_origins: [origin] } }) } });
  const { page } = await openPage(env.browser);
  await page.goto(`${site.url}studio/`);
  await page.getByTestId("pack-url").fill(`${origin}/pack/other-gym.toml`);
  await page.getByTestId("load-pack").click();
  await page.waitForFunction(() => /other-gym\.toml: added/.test(document.querySelector('[data-testid="trainer-messages"]')?.textContent ?? ""));
  await page.close();
  await site.close();
  await other.close();
});

test("the editor's draft survives a reload", async () => {
  const { page, errors } = await openPage(env.browser);
  await page.goto(`${env.server.url}studio/`);
  const draft = VALID.replace('persona = "personal"', 'persona = "personnal"');
  await page.getByTestId("editor").fill(draft);
  await page.waitForFunction(() => /error/.test(document.querySelector('[data-testid="check-summary"]').textContent));
  await page.reload();
  await page.getByTestId("diagnostics").locator("li").first().waitFor();
  assert.equal(await page.getByTestId("editor").inputValue(), draft);
  assert.deepEqual(errors, []);
  await page.close();
});
