// If the app has not started after a while, or a script fails to load,
// replace the loading message with an explanation instead of a blank page.
(function () {
  // The studio, one folder down, names the site's worker (data-sw).
  var me = document.currentScript;
  var worker = (me && me.getAttribute("data-sw")) || "./sw.js";
  function fail(detail) {
    if (document.documentElement.hasAttribute("data-ready")) return;
    var root = document.getElementById("app");
    if (!root || root.querySelector(".boot-error")) return;
    root.innerHTML = "";
    var box = document.createElement("div");
    box.className = "boot-error";
    box.setAttribute("role", "alert");
    var h = document.createElement("h1");
    h.textContent = "Rapport could not start";
    var p = document.createElement("p");
    p.textContent = "This browser could not load the app's WebAssembly module. Reload the page; if it keeps happening, try a current version of Chrome, Edge, Firefox or Safari.";
    box.appendChild(h);
    box.appendChild(p);
    if (detail) {
      var d = document.createElement("p");
      d.className = "detail";
      d.textContent = "Details: " + detail;
      box.appendChild(d);
    }
    root.appendChild(box);
  }
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && (t.tagName === "SCRIPT" || t.tagName === "LINK")) fail("could not load " + (t.src || t.href));
    else if (e.message) fail(e.message);
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    fail(e.reason && e.reason.message ? e.reason.message : String(e.reason));
  });
  setTimeout(function () { fail("the app did not start within 15 seconds"); }, 15000);
  // Offline support: the service worker caches the app after the first visit.
  if ("serviceWorker" in navigator && (location.protocol === "https:" || location.hostname === "localhost" || location.hostname === "127.0.0.1")) {
    // Registered once the page is usable, so that the worker's downloads
    // (the whole app, for offline use) never compete with the first view.
    var register = function () {
      navigator.serviceWorker.register(worker).catch(function () {});
    };
    window.addEventListener("load", function () {
      var root = document.documentElement;
      if (root.hasAttribute("data-ready")) return register();
      var watch = new MutationObserver(function () {
        if (!root.hasAttribute("data-ready")) return;
        watch.disconnect();
        register();
      });
      watch.observe(root, { attributes: true, attributeFilter: ["data-ready"] });
    });
  }
})();
