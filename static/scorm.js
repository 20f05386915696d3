// When Rapport runs inside a SCORM 1.2 LMS (see `rapport package --scorm`),
// report each finished conversation's score to it. Outside an LMS there is no
// SCORM API and this does nothing.
//
// The API is initialised exactly once (LMSInitialize may answer the string
// "true" or a boolean; calling it twice is an error in SCORM 1.2) and
// finished exactly once, with the session time, when the page goes away.
//
// Progress travels with the learner: what the LMS holds in cmi.suspend_data
// is published as window.rapportLms.progress (with a "rapport:lms" event);
// the app merges it into this browser's progress and hands back a summary
// (at most 4,096 characters, built by the Rust core, progress::lms) in a
// "rapport:lms-save" event, which is written to cmi.suspend_data. This file
// only moves those strings.
(function () {
  "use strict";
  function findApi(win) {
    for (var i = 0; win && i < 10; i++) {
      if (win.API) return win.API;
      if (win.parent === win) break;
      win = win.parent;
    }
    return window.opener && window.opener.API ? window.opener.API : null;
  }
  function ok(answer) { return answer === true || answer === "true"; }

  // SCORM 1.2's CMITimespan: HHHH:MM:SS.SS.
  function timespan(ms) {
    var s = Math.max(0, ms) / 1000;
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = (s % 60).toFixed(2);
    var pad = function (x, n) { x = String(x); while (x.length < n) x = "0" + x; return x; };
    return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad(sec, 5);
  }

  var api = null;
  try { api = findApi(window); } catch (e) { api = null; }
  if (!api) return;
  var started = ok(api.LMSInitialize(""));
  if (!started) {
    console.error("Rapport: the LMS did not start the SCORM session (error " + api.LMSGetLastError() + "); scores are not reported");
    return;
  }
  var startedAt = Date.now();
  var finished = false;
  var best = -1;
  var passed = false;
  var status = api.LMSGetValue("cmi.core.lesson_status");
  if (status === "not attempted" || status === "") {
    api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  }
  if (status === "passed") passed = true;
  var prior = api.LMSGetValue("cmi.core.score.raw");
  if (prior !== "" && isFinite(Number(prior))) best = Number(prior);

  var saved = api.LMSGetValue("cmi.suspend_data");
  var readError = String(api.LMSGetLastError());
  var readable = readError === "0" || readError === "";
  var lastSaved = typeof saved === "string" ? saved : "";
  // A copy that could not be read is never written over.
  window.rapportLms = readable
    ? { kind: "scorm", progress: lastSaved, returnUrl: null, ended: false }
    : { kind: "scorm", progress: null, progressError: "SCORM error " + readError, returnUrl: null, ended: false };
  window.dispatchEvent(new Event("rapport:lms"));
  window.addEventListener("rapport:lms-save", function (e) {
    var text = e.detail;
    if (finished || !readable || typeof text !== "string" || text === lastSaved) return;
    if (text.length > 4096) {
      console.error("Rapport: the progress summary is longer than SCORM 1.2 allows (" + text.length + " characters); it is not saved in the LMS");
      return;
    }
    if (!ok(api.LMSSetValue("cmi.suspend_data", text))) {
      console.error("Rapport: the LMS did not save the progress summary (error " + api.LMSGetLastError() + ")");
      return;
    }
    lastSaved = text;
    api.LMSCommit("");
  });

  window.addEventListener("rapport:statement", function (e) {
    if (finished) return;
    var s;
    try { s = JSON.parse(e.detail); } catch (err) { return; }
    var raw = Math.round(s.result.score.raw);
    var better = raw > best;
    var newlyPassed = s.result.success && !passed;
    if (!better && !newlyPassed) return;
    if (better) {
      best = raw;
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(raw));
    }
    // A pass is never taken back by a later, weaker conversation.
    passed = passed || s.result.success;
    api.LMSSetValue("cmi.core.lesson_status", passed ? "passed" : "completed");
    api.LMSCommit("");
  });

  function finish() {
    if (finished) return;
    finished = true;
    api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - startedAt));
    // "suspend" asks the LMS to hand cmi.suspend_data back next time
    // (also when it could not be read now: it may hold progress).
    api.LMSSetValue("cmi.core.exit", lastSaved !== "" || !readable ? "suspend" : "");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
