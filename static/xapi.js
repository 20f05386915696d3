// Sends each finished attempt to a Learning Record Store, only when one is
// named, in this order of precedence:
//
// 1. A cmi5 launch from an LMS: the launch URL carries endpoint, fetch,
//    registration, activityId and actor. The fetch URL is exchanged once for
//    a session token; the launch data (mastery score, launch mode, context
//    template) is read from the LRS's State API; the session is reported as
//    initialized, completed, passed or failed, and terminated, in that order.
// 2. An older "xAPI launch": the launch URL carries endpoint, auth and actor
//    (and optionally registration and activity_id).
//    A launch may name only an LRS on this site or on an origin listed under
//    "lrs_origins" in rapport.config.json (the same list the build writes
//    into the page's Content-Security-Policy).
// 3. rapport.config.json next to the app, for sites whose own web server
//    forwards to the LRS and adds the credentials:
//      { "xapi": { "endpoint": "https://training.example/lrs/",
//                  "actor": { "account": { "homePage": "https://lms.example", "name": "learner-42" } } } }
//    A key ("auth") in that file is refused: the file is served to anyone
//    who can open the app, who could then write any learner's results.
//
// Without "actor", the trainee's name from the progress page is used as an
// account on this site. Statements wait in local storage while offline and
// are sent when the network returns; each is PUT with its own id, so a resend
// never creates a duplicate.
//
// The queue never jams: a statement the LRS refuses for its content (400,
// 413, 422 ...) moves to a "not accepted" list with the LRS's reason, and the
// next one is sent. Answers that say nothing about the statement itself (no
// network, 5xx, 401/403 credentials, 404 endpoint, 408, 429) keep the whole
// queue waiting and retry with a growing delay (5 s doubling to 10 minutes).
// Every change is announced as a "rapport:xapi" event, so the Progress page
// can show what is waiting and what was refused.
//
// In a cmi5 session the progress travels with the learner through the
// LRS's State API (stateId "urn:rapport:progress", for this activity,
// learner and registration): it is read once the session starts and
// published as window.rapportLms.progress with a "rapport:lms" event; the
// app merges it and hands back a summary (built by the Rust core,
// progress::lms) in "rapport:lms-save" events, which are written back.
// window.rapportLms also carries the LMS's returnURL and whether the
// session has ended. This file only moves those strings.
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
  // Statements finished before the configuration is known.
  var early = [];

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

  function headers() {
    var h = { "Content-Type": "application/json", "X-Experience-API-Version": "1.0.3" };
    if (config.auth) h.Authorization = config.auth;
    return h;
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
    var url = config.endpoint + "statements?statementId=" + encodeURIComponent(s.id);
    fetch(url, { method: "PUT", headers: headers(), body: JSON.stringify(s) })
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

  // ---- cmi5 (https://github.com/AICC/CMI-5_Spec_Current) ----------------
  var VERB = "http://adlnet.gov/expapi/verbs/";
  var CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/";
  var MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var PROGRESS_STATE = "urn:rapport:progress";
  var cmi5 = null; // { activityId, registration, launchData, startedAt, done }
  // The progress summary: the last one the LRS holds, and the newest.
  var progressSent = null, progressWanted = null, progressSending = null;

  function publish(lms) {
    window.rapportLms = lms;
    window.dispatchEvent(new Event("rapport:lms"));
  }

  // Only a web address may be offered as the way back to the course.
  function webUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null; }

  // A State API address; without a stateId, the list of the ids kept.
  function stateUrl(stateId) {
    return config.endpoint + "activities/state?activityId=" + encodeURIComponent(cmi5.activityId) +
      "&agent=" + encodeURIComponent(JSON.stringify(config.actor)) +
      "&registration=" + encodeURIComponent(cmi5.registration) + (stateId ? "&stateId=" + encodeURIComponent(stateId) : "");
  }

  // keepalive: a summary sent as the page goes still arrives (it is small).
  function putProgress(text) {
    return fetch(stateUrl(PROGRESS_STATE), { method: "PUT", headers: headers(), body: JSON.stringify({ progress: text }), keepalive: true });
  }

  // Sends the newest summary, one request at a time; a failure waits for
  // the next change, the network's return or the end of the session.
  function sendProgress() {
    if (!cmi5 || cmi5.terminated || progressSending !== null || progressWanted === null || progressWanted === progressSent) return;
    var text = progressWanted;
    progressSending = text;
    putProgress(text).then(function (r) {
      progressSending = null;
      if (!r.ok) throw new Error("HTTP " + r.status);
      progressSent = text;
      sendProgress();
    }).catch(function (e) {
      progressSending = null;
      console.warn("Rapport: your progress could not be saved in the LMS now (" + (e && e.message || e) + "); it is tried again with the next change");
    });
  }

  // The LMS's copy of the progress, published for the app to merge. Until
  // it is read nothing is written, so it is never replaced unread. The
  // list of ids is asked first: a first launch finds none, without a 404.
  function readProgress() {
    function json(r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); }
    return fetch(stateUrl(null), { headers: headers() })
      .then(json)
      .then(function (ids) {
        if (!Array.isArray(ids)) throw new Error("the LRS did not list its state documents");
        if (ids.indexOf(PROGRESS_STATE) < 0) return "";
        return fetch(stateUrl(PROGRESS_STATE), { headers: headers() }).then(json).then(function (j) {
          if (!j || typeof j.progress !== "string") throw new Error("it is not Rapport's progress");
          return j.progress;
        });
      })
      .then(function (text) {
        progressSent = text;
        publish({ kind: "cmi5", progress: text, returnUrl: cmi5.returnUrl, ended: false });
      })
      .catch(function (e) {
        var why = String(e && e.message || e);
        console.error("Rapport: the progress saved in the LMS could not be read (" + why + "); it is left as it is and not written over in this session");
        publish({ kind: "cmi5", progress: null, progressError: why, returnUrl: cmi5.returnUrl, ended: false });
      });
  }

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function isoDuration(ms) { return "PT" + (Math.max(0, ms) / 1000).toFixed(2) + "S"; }

  // The LMS's context template, the registration and, for statements the
  // cmi5 spec defines, its categories.
  function cmi5Context(extra, categories) {
    var c = JSON.parse(JSON.stringify((cmi5.launchData && cmi5.launchData.contextTemplate) || {}));
    c.registration = cmi5.registration;
    c.contextActivities = c.contextActivities || {};
    if (categories.length) {
      c.contextActivities.category = (c.contextActivities.category || []).concat(
        categories.map(function (k) { return { id: CATEGORY + k }; }));
    }
    if (extra && extra.extensions) {
      c.extensions = c.extensions || {};
      for (var k in extra.extensions) c.extensions[k] = extra.extensions[k];
    }
    return c;
  }

  function cmi5Statement(verb, result, moveOn) {
    var s = {
      id: uuid(),
      actor: config.actor,
      verb: { id: VERB + verb, display: { "en-US": verb } },
      object: { objectType: "Activity", id: cmi5.activityId },
      context: cmi5Context(null, moveOn ? ["cmi5", "moveon"] : ["cmi5"]),
      timestamp: new Date().toISOString()
    };
    if (result) s.result = result;
    if (moveOn && mastery() !== null && (verb === "passed" || verb === "failed")) {
      s.context.extensions = s.context.extensions || {};
      s.context.extensions[MASTERY] = mastery();
    }
    return s;
  }

  function mastery() {
    var m = cmi5.launchData && cmi5.launchData.masteryScore;
    return typeof m === "number" && m >= 0 && m <= 1 ? m : null;
  }

  // What this registration already reported (completed and passed are sent
  // once per registration), kept in this browser.
  function doneKey() { return "rapport.cmi5." + cmi5.registration; }
  function saveDone() {
    try { localStorage.setItem(doneKey(), JSON.stringify(cmi5.done)); } catch (e) { /* this visit only */ }
  }

  // A finished conversation inside a cmi5 session: Rapport's own statement
  // in the session's context, then completed, and passed or failed.
  function cmi5Attempt(s) {
    s.context = cmi5Context(s.context, []);
    enqueue(s);
    if (cmi5.launchData.launchMode && cmi5.launchData.launchMode !== "Normal") return;
    var elapsed = Date.now() - cmi5.startedAt;
    if (!cmi5.done.completed) {
      cmi5.done.completed = true;
      enqueue(cmi5Statement("completed", { completion: true, duration: isoDuration(elapsed) }, true));
    }
    var scaled = s.result.score.scaled;
    var passed = s.result.success && (mastery() === null || scaled >= mastery());
    var score = { scaled: scaled, raw: s.result.score.raw, min: 0, max: 100 };
    if (passed && !cmi5.done.passed) {
      cmi5.done.passed = true;
      enqueue(cmi5Statement("passed", { success: true, score: score, duration: isoDuration(elapsed) }, true));
    } else if (!passed && !cmi5.done.passed && !cmi5.failedThisSession) {
      cmi5.failedThisSession = true;
      enqueue(cmi5Statement("failed", { success: false, score: score, duration: isoDuration(elapsed) }, true));
    }
    saveDone();
  }

  // Leaving ends the session: what is still queued and "terminated" go in
  // one request that outlives the page.
  function cmi5Terminate() {
    if (!cmi5 || cmi5.terminated) return;
    // The newest summary goes too, unless it is already on its way.
    if (progressWanted !== null && progressWanted !== progressSent && progressWanted !== progressSending) {
      putProgress(progressWanted).catch(function () { /* the page is gone */ });
    }
    cmi5.terminated = true;
    try { sessionStorage.setItem(cmi5.key, JSON.stringify({ terminated: true, returnUrl: cmi5.returnUrl })); } catch (e) {}
    var rest = load(QUEUE).slice(sending ? 1 : 0);
    var t = cmi5Statement("terminated", { duration: isoDuration(Date.now() - cmi5.startedAt) }, false);
    var batch = rest.concat([t]);
    fetch(config.endpoint + "statements", { method: "POST", headers: headers(), body: JSON.stringify(batch), keepalive: true })
      .then(function (r) {
        if (r.ok) {
          var sent = batch.map(function (x) { return x.id; });
          store(QUEUE, load(QUEUE).filter(function (x) { return sent.indexOf(x.id) < 0; }));
        }
      })
      .catch(function () { /* the page is gone */ });
  }

  // Reads the cmi5 parameters; a reload of the same launch reuses its token
  // (the fetch URL answers only once).
  function startCmi5(p) {
    var actorParam;
    try { actorParam = JSON.parse(p.get("actor")); } catch (e) { actorParam = null; }
    var endpoint = p.get("endpoint"), fetchUrl = p.get("fetch");
    if (!actorParam || !p.get("registration") || !p.get("activityId")) {
      console.error("Rapport: this cmi5 launch lacks actor, registration or activityId; results are not sent");
      return Promise.resolve(null);
    }
    var key = "rapport.cmi5.session." + fetchUrl;
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(key)); } catch (e) { saved = null; }
    // Nothing may follow "terminated" in a cmi5 session (sent when this tab
    // last left the page): the LMS must launch a new one.
    if (saved && saved.terminated) {
      console.error("Rapport: this cmi5 session ended when the page was left; results are kept in this browser but not sent. Launch Rapport again from your LMS to record them.");
      publish({ kind: "cmi5", progress: null, returnUrl: webUrl(saved.returnUrl), ended: true });
      return Promise.resolve(null);
    }
    var token = saved ? Promise.resolve(saved.token) : fetch(fetchUrl, { method: "POST" })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (!j || typeof j["auth-token"] !== "string") {
          throw new Error("the LMS gave no auth-token (" + JSON.stringify(j && j["error-text"] || j) + ")");
        }
        return j["auth-token"];
      });
    return token.then(function (t) {
      config = { endpoint: endpoint, auth: "Basic " + t, actor: actorParam };
      cmi5 = { key: key, activityId: p.get("activityId"), registration: p.get("registration"), startedAt: saved ? saved.startedAt : Date.now() };
      try { sessionStorage.setItem(key, JSON.stringify({ token: t, startedAt: cmi5.startedAt })); } catch (e) {}
      try { cmi5.done = JSON.parse(localStorage.getItem(doneKey())) || {}; } catch (e) { cmi5.done = {}; }
      return fetch(stateUrl("LMS.LaunchData"), { headers: headers() })
        .then(function (r) { if (!r.ok) throw new Error("LMS.LaunchData: HTTP " + r.status); return r.json(); })
        .then(function (data) {
          cmi5.launchData = data || {};
          cmi5.returnUrl = webUrl(cmi5.launchData.returnURL);
          if (!saved) enqueue(cmi5Statement("initialized", null, false));
          window.addEventListener("pagehide", cmi5Terminate);
          publish({ kind: "cmi5", progress: null, returnUrl: cmi5.returnUrl, ended: false });
          readProgress();
          return config;
        });
    }).catch(function (e) {
      config = null;
      cmi5 = null;
      console.error("Rapport: the cmi5 launch failed (" + (e && e.message || e) + "); results are not sent");
      return null;
    });
  }

  // Old xAPI launch actors may list each identifier in an array.
  function oneActor(a) {
    var out = {};
    for (var k in a) out[k] = Array.isArray(a[k]) ? a[k][0] : a[k];
    if (out.account && Array.isArray(out.account)) out.account = out.account[0];
    return out;
  }

  function withSlash(url) { return url.replace(/\/?$/, "/"); }

  function originOf(url) {
    try { return new URL(url, location.href).origin; } catch (e) { return null; }
  }

  // A launch may name only an LRS on this site or one the site lists in
  // rapport.config.json ("lrs_origins"), as the page's Content-Security-Policy
  // does: a crafted link cannot send a learner's results elsewhere.
  function fromLaunch(site) {
    var p = new URLSearchParams(location.search);
    if (!p.get("endpoint")) return null;
    p.set("endpoint", withSlash(p.get("endpoint")));
    var allowed = [location.origin].concat(Array.isArray(site && site.lrs_origins) ? site.lrs_origins.map(originOf) : []);
    var lrs = originOf(p.get("endpoint"));
    if (allowed.indexOf(lrs) < 0) {
      console.error("Rapport: this launch names an LRS at " + lrs + ", which this site does not list; results are not sent. A site administrator can add it to lrs_origins in rapport.config.json and rebuild (see README.md).");
      return Promise.resolve(null);
    }
    if (p.get("fetch")) return startCmi5(p);
    var a = null;
    try { a = p.get("actor") ? oneActor(JSON.parse(p.get("actor"))) : null; } catch (e) { a = null; }
    return Promise.resolve({ endpoint: p.get("endpoint"), auth: p.get("auth") || null, actor: a });
  }

  function readSiteConfig() {
    return fetch("rapport.config.json", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function fromConfigFile(c) {
    if (!c || !c.xapi || typeof c.xapi.endpoint !== "string") return null;
    if (c.xapi.auth) {
      console.error("Rapport: rapport.config.json holds an LRS key (xapi.auth). Anyone who can open this app can read that file and write any learner's results with it, so it is not used and nothing is sent. Remove it: let your web server add the credentials when it forwards to the LRS, or launch Rapport from your LMS (cmi5). See README.md, 'Results that leave the browser'.");
      return null;
    }
    return { endpoint: withSlash(c.xapi.endpoint), auth: null, actor: c.xapi.actor || null };
  }

  function record(s) {
    s.actor = actor();
    if (cmi5) cmi5Attempt(s);
    else enqueue(s);
    flush();
  }

  window.addEventListener("rapport:statement", function (e) {
    var s;
    try { s = JSON.parse(e.detail); } catch (err) { return; }
    // Held until the launch is complete (for cmi5, until its launch data
    // is read: whether this attempt reports completed and passed rests on it).
    if (early) early.push(s);
    else if (config) record(s);
  });
  // The Progress page's "Send again": refused statements go back in the queue.
  window.addEventListener("rapport:xapi-retry", function () {
    var refused = load(REFUSED);
    store(REFUSED, []);
    refused.forEach(function (x) { enqueue(x.statement); });
    failures = 0;
    flush();
  });
  window.addEventListener("online", function () { failures = 0; flush(); sendProgress(); });
  window.addEventListener("rapport:lms-save", function (e) {
    if (!cmi5 || typeof e.detail !== "string") return;
    progressWanted = e.detail;
    sendProgress();
  });

  readSiteConfig()
    .then(function (site) { return fromLaunch(site) || fromConfigFile(site); })
    .then(function (c) {
      config = c;
      var waiting = early;
      early = null; // from now on nothing is held: without a destination, nothing leaves
      if (!config) return;
      waiting.forEach(record);
      flush();
    });
})();
