// Rapport's service worker: after one visit the app works with no network.
// index.html is fetched network-first (so a new deploy is picked up); the
// build's own files are cache-first (their names carry a content hash); any
// other file on the site (scenario packs) is network-first. The cache name
// is versioned from the build's files, so a new deploy replaces the old cache.
const VERSION = "__VERSION__";
const CACHE = "rapport-" + VERSION;
const FILES = __FILES__;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  // This worker answers GET requests only. Others (statements PUT or POSTed
  // to an LRS) bypass it where the browser can route them so: a request a
  // page sends as it closes is otherwise lost while the worker starts.
  if (event.addRoutes) {
    event.addRoutes(["POST", "PUT"].map((requestMethod) => ({ condition: { requestMethod }, source: "network" }))).catch(() => {});
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
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(scoped("index.html"), copy));
          }
          return response;
        })
        .catch(() => caches.match(scoped("index.html"), { ignoreSearch: true })),
    );
    return;
  }
  // The built files carry a content hash in their name: cache-first.
  const built = FILES.some((f) => f !== "./" && scoped(f) === url.origin + url.pathname);
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
