// When Rapport runs inside a SCORM 1.2 LMS (see `rapport package --scorm`),
// report each finished conversation's score to it. Outside an LMS there is no
// SCORM API and this does nothing.
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
  var api = null;
  try { api = findApi(window); } catch (e) { api = null; }
  if (!api) return;
  var started = api.LMSInitialize("") === "true" || api.LMSInitialize("") === true;
  var best = -1;
  window.addEventListener("rapport:statement", function (e) {
    var s;
    try { s = JSON.parse(e.detail); } catch (err) { return; }
    var raw = Math.round(s.result.score.raw);
    if (raw <= best) return;
    best = raw;
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(raw));
    api.LMSSetValue("cmi.core.lesson_status", s.result.success ? "passed" : "completed");
    api.LMSCommit("");
  });
  window.addEventListener("pagehide", function () {
    if (started) api.LMSFinish("");
  });
})();
