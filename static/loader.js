// Starts the full player (dist/engine/, named by the page's
// <meta name="rapport-engine">) when the list page is not enough. The list
// page (the small module Trunk builds from src/home) shows the bundled
// scenarios; everything else is the full player's:
//  - another view: a deep link (#/play/x, #/progress) starts it at once, and
//    so does leaving the list (a scenario's link, Progress);
//  - an LMS launch (its bar and progress); and what the list page finds in
//    the browser's storage and asks for the player for (src/home/src/saved.rs:
//    a conversation under way, a trainer's own scenarios, unreadable progress).
// Once asked to start, the player owns the page: the document is marked
// (data-engine) so the list page does not mount after it. After the list is
// shown, the player is fetched at low priority, so the first click is quick.
// The LMS and LRS glue (static/scorm.js, static/xapi.js) is loaded from here
// too, never before the list is drawn: at once when the page may be an LMS
// launch (an LMS's SCORM API within reach; launch parameters in the
// address: cmi5 or xAPI), otherwise once the list page is idle (a configured
// LRS, statements still to send), and always before the player starts,
// since the player reports through them.
(function () {
  var meta = document.querySelector('meta[name="rapport-engine"]');
  if (!meta) return;
  var root = document.documentElement;
  var js = new URL(meta.getAttribute("content"), document.baseURI).href;
  var wasm = js.replace(/\.js$/, "_bg.wasm");
  var started = false;
  // The prefetched WebAssembly, handed to the player when it starts, so it
  // is downloaded once (a server without validators would send it again).
  var prefetched = null;

  var glue = {};
  function load(name) {
    if (!glue[name]) {
      glue[name] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = name;
        script.async = false;
        // A glue file that fails to load is reported by boot.js; the player
        // still starts.
        script.onload = script.onerror = function () { resolve(); };
        document.head.appendChild(script);
      });
    }
    return glue[name];
  }
  // Where scorm.js looks for an LMS's API: this window, its parents, its opener.
  var lmsNear = window.parent !== window || !!window.opener || "API" in window;
  var launch = /[?&](endpoint|fetch)=/.test(location.search);

  function start() {
    if (started) return;
    started = true;
    root.setAttribute("data-engine", "");
    var source = prefetched
      ? prefetched.then(
          function (r) { return r.ok ? r : fetch(wasm); },
          function () { return fetch(wasm); })
      : wasm;
    Promise.all([load("xapi.js"), load("scorm.js")])
      .then(function () { return import(js); })
      .then(function (engine) { return engine.default({ module_or_path: source }); })
      .catch(function (e) {
        // boot.js explains a failure only while the page is not ready.
        root.removeAttribute("data-ready");
        throw e;
      });
  }

  // The list, or its skip link's target (a plain link until the list page
  // runs: see scripts/prerender.mjs).
  function onList() {
    var view = location.hash.replace(/^#\/?/, "");
    return view === "" || view === "content";
  }

  function prefetch() {
    if (started) return;
    var link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = js;
    link.setAttribute("fetchpriority", "low");
    document.head.appendChild(link);
    prefetched = fetch(wasm, { priority: "low" });
    prefetched.catch(function () {});
  }

  if (!onList() || launch) {
    start();
    return;
  }
  window.addEventListener("hashchange", function () {
    if (!onList()) start();
  });
  // scorm.js announces an LMS it found.
  window.addEventListener("rapport:lms", start);
  if (lmsNear) load("scorm.js");
  // The list page asks for the player when the browser's storage holds what
  // only the player shows.
  window.addEventListener("rapport:player", start);
  function whenReady() {
    if (!root.hasAttribute("data-ready")) return false;
    (window.requestIdleCallback || setTimeout)(function () {
      load("xapi.js");
      prefetch();
    });
    return true;
  }
  if (!whenReady()) {
    var watch = new MutationObserver(function () {
      if (whenReady()) watch.disconnect();
    });
    watch.observe(root, { attributes: true, attributeFilter: ["data-ready"] });
  }
})();
