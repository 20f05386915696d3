// Trunk post-build hook, for the player and the studio pages alike: makes the
// page run under a Content-Security-Policy. (scripts/build then writes the
// service worker, once both are built: service-worker.mjs.)
// Trunk's inline start-up module is moved to its own file (no inline script
// is left; the build fails if another appears), and a CSP <meta> is written
// that allows only this site, WebAssembly compilation, and the origins the
// site's rapport.config.json names (its LRS endpoint, the LRS origins an LMS
// launch may name, the pack origins). Also used by the e2e tests to serve the
// policy a given configuration would produce.
import { readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

function origin(url) {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** The origins a configuration lets the app connect to, besides its own. */
export function origins(config) {
  const list = [
    config?.xapi?.endpoint,
    ...(Array.isArray(config?.lrs_origins) ? config.lrs_origins : []),
    ...(Array.isArray(config?.packs?.allowed_origins) ? config.packs.allowed_origins : []),
  ];
  return [...new Set(list.filter((x) => typeof x === "string").map(origin).filter(Boolean))].sort();
}

/** The hash sources of a page's inline classic scripts, e.g. `'sha256-…'`. */
export function inlineHashes(html) {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`);
}

/**
 * The policy for a configuration; `hashes` are the only inline scripts it
 * allows. Style attributes (bar widths) need 'unsafe-inline' in style-src.
 */
export function policy(config, hashes = []) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...origins(config)].join(" "),
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/**
 * `html` with the policy for `config` in its CSP <meta> (added after the
 * charset if missing), allowing the page's own inline scripts by their hash.
 */
export function withPolicy(html, config) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(config, inlineHashes(html))}">`;
  if (META.test(html)) return html.replace(META, meta);
  return html.replace(/(<meta charset="[^"]*">)/i, `$1\n  ${meta}`);
}

// On a page that shows the scenario list as HTML before any code runs
// (index.html, with its list written in by scripts/prerender.mjs), the
// module starts once that list is drawn and the page is idle, so neither the
// first paint nor a first click waits for the WebAssembly; a page drawn in
// the background starts it after a second.
const AFTER_FIRST_PAINT =
  "await new Promise((go) => { requestAnimationFrame(() => (self.requestIdleCallback || setTimeout)(go, { timeout: 300 })); setTimeout(go, 1000); });\n";

/**
 * Moves inline <script type="module"> blocks to files; returns the new html.
 * On the list page, also drops Trunk's preload links for the list page's
 * module: it starts only once the list is drawn, and fetching it earlier
 * competes with the first paint.
 */
async function externalise(html, dir) {
  const list = html.includes("<!-- rapport:list -->");
  let out = list ? html.replace(/<link rel="(?:module)?preload"[^>]*>/g, "") : html;
  const prelude = list ? AFTER_FIRST_PAINT : "";
  for (const m of out.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    const code = prelude + m[1].trim() + "\n";
    const name = `start-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
    await writeFile(path.join(dir, name), code);
    out = out.replace(m[0], `<script type="module" src="./${name}"></script>`);
  }
  // A plain <script> is allowed by its hash (withPolicy); any other inline
  // script is a mistake.
  const inline = out.match(/<script(?![^>]*\ssrc=)(?!>)[^>]*>/);
  if (inline) throw new Error(`index.html has an inline script (${inline[0]}): move it to a file in static/`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
  const file = path.join(dir, "index.html");
  // The studio's page sits one folder below the site's configuration.
  const configText = await readFile(path.join(dir, "rapport.config.json"), "utf8")
    .catch(() => readFile(path.join(process.env.TRUNK_DIST_DIR ?? dir, "..", "rapport.config.json"), "utf8"))
    .catch(() => readFile(path.join("static", "rapport.config.json"), "utf8"))
    .catch(() => "{}");
  const config = JSON.parse(configText);
  const html = withPolicy(await externalise(await readFile(file, "utf8"), dir), config);
  await writeFile(file, html);
  console.log(`content security policy: connect-src 'self' ${origins(config).join(" ")}`.trim());
}
