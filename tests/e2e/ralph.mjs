// Ralph, the open-source Learning Record Store (installed by scripts/setup in
// tools/ralph), started for a test on 127.0.0.1 with its file backend and one
// user, and stopped after. Its own validation of each statement is the
// point: it refuses what the xAPI 1.0.3 rules refuse.
import { spawn, execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { root } from "./harness.mjs";

const RALPH = path.join(root, "tools", "ralph", "bin", "ralph");
const PYTHON = path.join(root, "tools", "ralph", "bin", "python");
const SERVER = path.join(root, "tests", "e2e", "ralph_server.py");
export const USER = "rapport-test";
const PASSWORD = "not-a-real-secret";
export const AUTH = "Basic " + Buffer.from(`${USER}:${PASSWORD}`).toString("base64");

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on("error", fail);
  });
}

/** Starts Ralph; `origins` may call it from a browser (CORS). */
export async function startRalph({ origins = [] } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), "rapport-ralph-"));
  const env = { ...process.env, RALPH_APP_DIR: path.join(dir, "app"), RALPH_RUNSERVER_BACKEND: "fs" };
  execFileSync(RALPH, ["auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-w", "-A", USER, "https://lms.example.org"], { env, stdio: "ignore" });
  const port = await freePort();
  const child = spawn(PYTHON, [SERVER, "127.0.0.1", String(port), path.join(dir, "data")], {
    cwd: dir,
    env: { ...env, RALPH_RUNSERVER_CORS_ALLOW_ORIGINS: JSON.stringify(origins) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const get = async (p) => {
    const r = await fetch(base + p, { headers: { Authorization: AUTH, "X-Experience-API-Version": "1.0.3" } });
    if (!r.ok) throw new Error(`GET ${p}: HTTP ${r.status} ${await r.text()}`);
    return r.json();
  };
  // Ready when it answers who we are (Python takes a few seconds to start).
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Ralph stopped: ${log}`);
    try { await get("/whoami"); break; } catch (e) {
      if (Date.now() > deadline) throw new Error(`Ralph did not start: ${log}`);
      await new Promise((ok) => setTimeout(ok, 250)); // poll until it listens
    }
  }
  return {
    base,
    url: `${base}/xAPI/`,
    auth: AUTH,
    /** Every statement Ralph stored, in the order it stored them (its file backend appends). */
    statements: async () => (await get("/xAPI/statements?limit=500")).statements,
    log: () => log,
    close: async () => {
      child.kill("SIGTERM");
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.once("exit", ok)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
