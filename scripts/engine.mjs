// Builds the full player (src/player, binary rapport-web) into dist/engine/:
// cargo for wasm32, wasm-bindgen for an ES module (--target web), wasm-opt
// as Trunk does for the list page, file names carrying a hash of their
// contents (the service worker serves built files cache-first), and a
// <meta name="rapport-engine"> in dist/index.html naming the module, which
// static/loader.js imports when the trainee leaves the list.
// Usage: node scripts/engine.mjs [dist]   (after Trunk has built the list page)
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.argv[2] ?? path.join(root, "dist"));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

run("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "-p", "rapport-player", "--bin", "rapport-web"]);
const out = path.join(root, "target", "engine");
await rm(out, { recursive: true, force: true });
const input = path.join(root, "target", "wasm32-unknown-unknown", "release", "rapport-web.wasm");
run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "--out-name", "engine", input]);
const wasmFile = path.join(out, "engine_bg.wasm");
run("wasm-opt", ["-Oz", "--converge", "--strip-debug", "--strip-producers", wasmFile, "-o", wasmFile]);
const produced = (await readdir(out)).sort();
if (produced.join() !== "engine.js,engine_bg.wasm") throw new Error(`wasm-bindgen wrote ${produced.join(", ")}: copy the new files too`);

const js = await readFile(path.join(out, "engine.js"));
const wasm = await readFile(wasmFile);
const hash = createHash("sha256").update(js).update(wasm).digest("hex").slice(0, 16);
const name = `engine-${hash}`;
await rm(path.join(dist, "engine"), { recursive: true, force: true });
await mkdir(path.join(dist, "engine"), { recursive: true });
await writeFile(path.join(dist, "engine", `${name}.js`), js);
await writeFile(path.join(dist, "engine", `${name}_bg.wasm`), wasm);

const page = path.join(dist, "index.html");
const html = (await readFile(page, "utf8")).replace(/\s*<meta name="rapport-engine" content="[^"]*">/, "");
const meta = `<meta name="rapport-engine" content="engine/${name}.js">`;
if (!html.includes("</head>")) throw new Error(`${page} has no </head>`);
await writeFile(page, html.replace("</head>", `${meta}\n</head>`));
console.log(`engine: dist/engine/${name}.js and ${name}_bg.wasm (${(wasm.length / 1024).toFixed(1)} KB raw)`);
