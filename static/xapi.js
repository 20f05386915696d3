// Sends each finished attempt to a Learning Record Store, if and only if a
// trainer configured one in rapport.config.json next to the app:
//   { "xapi": { "endpoint": "https://lrs.example/xapi/",
//               "auth": "Basic <base64 of key:secret>",
//               "actor": { "account": { "homePage": "https://lms.example", "name": "learner-42" } } } }
// Without "actor", the trainee's name from the progress page is used as an
// account on this site. Statements wait in local storage while offline and
// are sent when the network returns; each is PUT with its own id, so a
// resend never creates a duplicate.
(function () {
  "use strict";
  var QUEUE = "rapport.xapi.queue";
  var config = null;
  var sending = false;
  var retry = null;

  function queue() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; }
  }
  function save(q) {
    try { localStorage.setItem(QUEUE, JSON.stringify(q)); } catch (e) { /* kept in memory below */ }
    memory = q;
  }
  var memory = queue();

  function actor() {
    if (config.actor) return config.actor;
    var name = "anonymous";
    try { name = JSON.parse(localStorage.getItem("rapport.progress") || "{}").trainee || name; } catch (e) {}
    return { objectType: "Agent", name: name, account: { homePage: location.origin + location.pathname, name: name } };
  }

  function flush() {
    if (!config || sending) return;
    var q = queue();
    if (q.length === 0) q = memory;
    if (q.length === 0) return;
    sending = true;
    var s = q[0];
    var url = config.endpoint.replace(/\/?$/, "/") + "statements?statementId=" + encodeURIComponent(s.id);
    var headers = { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" };
    if (config.auth) headers.Authorization = config.auth;
    fetch(url, { method: "PUT", headers: headers, body: JSON.stringify(s) })
      .then(function (r) {
        sending = false;
        // 204: stored; 409: already stored with this id. Either way it is done.
        if (r.ok || r.status === 409) {
          save(queue().filter(function (x) { return x.id !== s.id; }));
          flush();
        } else if (r.status >= 400 && r.status < 500) {
          console.error("Rapport: the LRS refused statement " + s.id + " (HTTP " + r.status + "); it stays queued");
          later();
        } else {
          later();
        }
      })
      .catch(function () { sending = false; later(); });
  }

  function later() {
    clearTimeout(retry);
    retry = setTimeout(flush, 30000);
  }

  window.addEventListener("rapport:statement", function (e) {
    if (!config) return;
    var s;
    try { s = JSON.parse(e.detail); } catch (err) { return; }
    s.actor = actor();
    var q = queue();
    if (!q.some(function (x) { return x.id === s.id; })) q.push(s);
    save(q);
    flush();
  });
  window.addEventListener("online", flush);

  fetch("rapport.config.json", { cache: "no-store" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (c) {
      if (c && c.xapi && typeof c.xapi.endpoint === "string") {
        config = c.xapi;
        flush();
      }
    })
    .catch(function () { /* no configuration: nothing leaves the browser */ });
})();
