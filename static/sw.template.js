// Rapport's service worker: after one visit the app works with no network.
// The pages (the app's index.html, the studio's) are fetched network-first
// (so a new deploy is picked up); the build's own files are cache-first
// (their names carry a content hash); any other file on the site (scenario
// packs) is network-first. The list page's and the full player's files are
// fetched when the worker installs (the player's even if only the list was
// opened, so the whole app works offline after one visit); the studio's only
// once a trainer opens it, so a trainee never downloads them. The cache name is versioned from the build's files, so a
// new deploy replaces the old cache.
const VERSION = "__VERSION__";
const CACHE = "rapport-" + VERSION;
const FILES = __FILES__;
const LATER = __LATER__;
const scoped = (path) => new URL(path, self.registration.scope).href;
const PAGES = [...FILES, ...LATER].filter((f) => f === "./" || f.endsWith("/")).map(scoped);
/** The cache key of a page: its folder ("…/studio/" for "…/studio/index.html"). */
const pageKey = (url) => url.origin + url.pathname.replace(/index\.html$/, "");

self.addEventListener("install", (event) => {
  // This worker answers GET requests only. Others (statements PUT or POSTed
  // to an LRS) bypass it where the browser can route them so: a request a
  // page sends as it closes is otherwise lost while the worker starts.
  if (event.addRoutes) {
    event.addRoutes(["POST", "PUT"].map((requestMethod) => ({ condition: { requestMethod }, source: "network" }))).catch(() => {});
    // Where the browser can route without starting the worker, so a return
    // visit does not wait for it: the files this worker stores as it installs
    // come straight from its cache, and a page races the network against the
    // fetch handler below (which answers from the cache when offline).
    const stored = FILES.filter((f) => f !== "./" && !f.endsWith("/"));
    event.addRoutes([
      ...stored.map((f) => ({ condition: { urlPattern: { pathname: new URL(scoped(f)).pathname } }, source: "cache" })),
      { condition: { requestMode: "navigate" }, source: "race-network-and-fetch-handler" },
    ]).catch(() => {});
  }
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map(scoped)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("rapport-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The trainer's configuration is always read fresh.
  if (url.pathname.endsWith("/rapport.config.json")) return;
  const isPage = request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith("/index.html");
  if (isPage) {
    // Each page is kept under its own folder; an unknown one falls back to the player.
    const key = PAGES.includes(pageKey(url)) ? pageKey(url) : scoped("./");
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && PAGES.includes(pageKey(url))) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(key, copy));
          }
          return response;
        })
        .catch(() => caches.match(key).then((cached) => cached || caches.match(scoped("./")))),
    );
    return;
  }
  // The built files carry a content hash in their name: cache-first.
  const built = [...FILES, ...LATER].some((f) => !f.endsWith("/") && f !== "./" && scoped(f) === url.origin + url.pathname);
  if (built) {
    event.respondWith(
      caches.match(request, { ignoreSearch: true }).then((cached) =>
        cached ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
      ),
    );
    return;
  }
  // Anything else on this site (scenario packs a trainer republishes under
  // the same name) comes from the network first, so a new version is seen
  // at once; the last copy, for exactly this address with its query
  // string, is the fallback when offline.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request).then((cached) => cached || Response.error())),
  );
});
