// Sends each finished attempt to a Learning Record Store, if and only if a
// trainer configured one in rapport.config.json next to the app:
//   { "xapi": { "endpoint": "https://lrs.example/xapi/",
//               "auth": "Basic <base64 of key:secret>",
//               "actor": { "account": { "homePage": "https://lms.example", "name": "learner-42" } } } }
// Without "actor", the trainee's name from the progress page is used as an
// account on this site. Statements wait in local storage while offline and
// are sent when the network returns; each is PUT with its own id, so a
// resend never creates a duplicate.
//
// The queue never jams: a statement the LRS refuses for its content (400,
// 413, 422 ...) moves to a "not accepted" list with the LRS's reason, and the
// next one is sent. Answers that say nothing about the statement itself (no
// network, 5xx, 401/403 credentials, 404 endpoint, 408, 429) keep the whole
// queue waiting and retry with a growing delay (5 s doubling to 10 minutes).
// Every change is announced as a "rapport:xapi" event, so the Progress page
// can show what is waiting and what was refused.
(function () {
  "use strict";
  var QUEUE = "rapport.xapi.queue";
  var REFUSED = "rapport.xapi.refused";
  var FIRST_DELAY = 5000;
  var MAX_DELAY = 600000;
  var KEEP_REFUSED = 200;
  var config = null;
  var sending = false;
  var retry = null;
  var failures = 0;
  // If the browser refuses to store, lists are kept here for this visit.
  var memory = {};

  function load(key) {
    try {
      var raw = localStorage.getItem(key);
      if (raw !== null) {
        var list = JSON.parse(raw);
        if (Array.isArray(list)) return list;
      }
    } catch (e) { /* fall back to memory */ }
    return memory[key] || [];
  }
  function store(key, list) {
    memory[key] = list;
    try { localStorage.setItem(key, JSON.stringify(list)); } catch (e) { /* kept in memory */ }
    window.dispatchEvent(new Event("rapport:xapi"));
  }

  // Whether an HTTP status is about this statement (refuse it, go on) rather
  // than about the LRS or the configuration (wait and retry).
  function refusesStatement(status) {
    return status >= 400 && status < 500 && [401, 403, 404, 408, 429].indexOf(status) < 0;
  }

  // The LRS's own words, short: the "message"/"detail"/"error" of a JSON
  // body, or the text, or the status.
  function reasonOf(status, text) {
    var why = (text || "").trim();
    try {
      var j = JSON.parse(why);
      var d = j && (j.message || j.detail || j.error);
      if (d !== undefined) why = typeof d === "string" ? d : JSON.stringify(d);
    } catch (e) { /* plain text */ }
    why = why.slice(0, 300);
    return "HTTP " + status + (why ? ": " + why : "");
  }

  function actor() {
    if (config.actor) return config.actor;
    var name = "anonymous";
    try { name = JSON.parse(localStorage.getItem("rapport.progress") || "{}").trainee || name; } catch (e) {}
    return { objectType: "Agent", name: name, account: { homePage: location.origin + location.pathname, name: name } };
  }

  function drop(id) {
    store(QUEUE, load(QUEUE).filter(function (x) { return x.id !== id; }));
  }

  function flush() {
    if (!config || sending) return;
    var q = load(QUEUE);
    if (q.length === 0) return;
    sending = true;
    clearTimeout(retry);
    var s = q[0];
    var url = config.endpoint.replace(/\/?$/, "/") + "statements?statementId=" + encodeURIComponent(s.id);
    var headers = { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" };
    if (config.auth) headers.Authorization = config.auth;
    fetch(url, { method: "PUT", headers: headers, body: JSON.stringify(s) })
      .then(function (r) {
        // 204: stored; 409: already stored with this id. Either way it is done.
        if (r.ok || r.status === 409) {
          failures = 0;
          drop(s.id);
          sending = false;
          flush();
        } else if (refusesStatement(r.status)) {
          return r.text().catch(function () { return ""; }).then(function (text) {
            var why = reasonOf(r.status, text);
            console.error("Rapport: the LRS did not accept statement " + s.id + " (" + why + "); it is listed on the Progress page and the next one is sent");
            var refused = load(REFUSED).filter(function (x) { return x.statement.id !== s.id; });
            refused.push({ statement: s, status: r.status, reason: why, at: new Date().toISOString() });
            store(REFUSED, refused.slice(-KEEP_REFUSED));
            drop(s.id);
            sending = false;
            flush();
          });
        } else {
          sending = false;
          later("HTTP " + r.status);
        }
      })
      .catch(function (e) { sending = false; later(String(e && e.message || e)); });
  }

  function later(why) {
    failures += 1;
    var delay = Math.min(FIRST_DELAY * Math.pow(2, failures - 1), MAX_DELAY);
    console.warn("Rapport: the LRS could not take statements now (" + why + "); trying again in " + Math.round(delay / 1000) + " s");
    clearTimeout(retry);
    retry = setTimeout(flush, delay);
  }

  function enqueue(s) {
    var q = load(QUEUE);
    if (!q.some(function (x) { return x.id === s.id; })) q.push(s);
    store(QUEUE, q);
  }

  window.addEventListener("rapport:statement", function (e) {
    if (!config) return;
    var s;
    try { s = JSON.parse(e.detail); } catch (err) { return; }
    s.actor = actor();
    enqueue(s);
    flush();
  });
  // The Progress page's "Send again": refused statements go back in the queue.
  window.addEventListener("rapport:xapi-retry", function () {
    var refused = load(REFUSED);
    store(REFUSED, []);
    refused.forEach(function (x) { enqueue(x.statement); });
    failures = 0;
    flush();
  });
  window.addEventListener("online", function () { failures = 0; flush(); });

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
