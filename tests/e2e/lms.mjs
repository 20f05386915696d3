// The LMS's side of a cmi5 launch, played by the test with Ralph behind it
// (Ralph has a Statements API but no State API): it records "launched",
// answers each launch's fetch URL once with the session's token, serves the
// LMS.LaunchData state document, keeps other state documents in memory (by
// activityId, agent, registration and stateId, with their content type, as
// the xAPI State API does), and forwards everything else under /xAPI/ to
// Ralph. Every launch of one LMS is for the same learner and registration,
// as when a learner opens the course again, perhaps on another computer.
import http from "node:http";
import { randomUUID } from "node:crypto";

export const AU = "urn:rapport:course:practice";
export const ACTOR = { objectType: "Agent", name: "Learner 42", account: { homePage: "https://lms.example.org", name: "learner-42" } };

/** Starts the LMS; `appOrigin` may call it from the browser. */
export async function startLms({ ralph, appOrigin, masteryScore, withReturnURL = false }) {
  const registration = randomUUID();
  const sessionId = randomUUID();
  const token = ralph.auth.replace(/^Basic /, "");
  const state = new Map();
  const seen = { fetches: 0, stateReads: 0, requests: [] };
  // While set, LMS.LaunchData answers only once it resolves (a slow LMS).
  let launchDataHeld = null;
  // Each launch's fetch URL, and whether it has answered.
  const fetchUsed = new Map();
  const cors = {
    "access-control-allow-origin": appOrigin,
    "access-control-allow-methods": "GET, PUT, POST, OPTIONS",
    "access-control-allow-headers": "content-type, authorization, x-experience-api-version",
  };
  const launchData = {
    contextTemplate: {
      contextActivities: { grouping: [{ id: AU }] },
      extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": sessionId },
    },
    launchMode: "Normal",
    moveOn: "CompletedAndPassed",
    ...(masteryScore === undefined ? {} : { masteryScore }),
  };
  const server = http.createServer((req, res) => {
    seen.requests.push(`${req.method} ${req.url.split("?")[0]}`);
    if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
    const url = new URL(req.url, "http://127.0.0.1");
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const json = (code, value) => res.writeHead(code, { ...cors, "content-type": "application/json" }).end(JSON.stringify(value));
      // The course's page in the LMS, where returnURL leads.
      if (url.pathname === "/course") {
        return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end('<!doctype html><title>Course</title><link rel="icon" href="data:,"><h1>Course home</h1>');
      }
      if (fetchUsed.has(url.pathname)) {
        seen.fetches += 1;
        // A fetch URL answers once (cmi5 8.2.3).
        if (fetchUsed.get(url.pathname)) return json(200, { "error-code": "1", "error-text": "already used" });
        fetchUsed.set(url.pathname, true);
        return json(200, { "auth-token": token });
      }
      if (req.headers.authorization !== ralph.auth) return json(401, { message: "bad credentials" });
      if (url.pathname === "/xAPI/activities/state") {
        const key = ["activityId", "agent", "registration", "stateId"].map((k) => url.searchParams.get(k)).join("|");
        if (url.searchParams.get("stateId") === "LMS.LaunchData") {
          seen.stateReads += 1;
          if (req.method !== "GET") return json(403, { message: "LMS.LaunchData is read-only" });
          if (url.searchParams.get("registration") !== registration) return json(404, { message: "no such registration" });
          if (launchDataHeld) await launchDataHeld;
          return json(200, launchData);
        }
        // Without a stateId: the ids of the documents kept for this
        // activity, learner and registration.
        if (req.method === "GET" && !url.searchParams.has("stateId")) {
          return json(200, [...state.keys()].filter((k) => k.startsWith(key)).map((k) => k.slice(key.length)));
        }
        if (req.method === "GET") {
          const doc = state.get(key);
          if (!doc) return json(404, { message: "no such document" });
          return res.writeHead(200, { ...cors, "content-type": doc.type }).end(doc.body);
        }
        if (req.method !== "PUT") return json(405, { message: "only GET and PUT here" });
        state.set(key, { type: req.headers["content-type"] ?? "application/octet-stream", body });
        return res.writeHead(204, cors).end();
      }
      // Everything else goes to the LRS.
      const r = await fetch(ralph.base + url.pathname + url.search, {
        method: req.method,
        headers: { authorization: req.headers.authorization, "content-type": req.headers["content-type"] ?? "application/json", "x-experience-api-version": "1.0.3" },
        body: ["GET", "HEAD"].includes(req.method) ? undefined : body,
      });
      res.writeHead(r.status, { ...cors, "content-type": r.headers.get("content-type") ?? "text/plain" }).end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  if (withReturnURL) launchData.returnURL = `${base}/course`;
  return {
    origin: base,
    courseUrl: `${base}/course`,
    registration,
    seen,
    /** State documents by "activityId|agent|registration|stateId": { type, body }. */
    state,
    /** Holds LMS.LaunchData's answers until the returned function is called. */
    holdLaunchData() {
      let release;
      launchDataHeld = new Promise((ok) => { release = ok; });
      return () => { launchDataHeld = null; release(); };
    },
    /** Records "launched" and returns the query string the LMS adds to the AU's URL. */
    async launch() {
      const launched = {
        id: randomUUID(),
        actor: ACTOR,
        verb: { id: "http://adlnet.gov/expapi/verbs/launched", display: { "en-US": "launched" } },
        object: { objectType: "Activity", id: AU },
        context: {
          ...launchData.contextTemplate,
          registration,
          contextActivities: { ...launchData.contextTemplate.contextActivities, category: [{ id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" }] },
          extensions: { ...launchData.contextTemplate.extensions, "https://w3id.org/xapi/cmi5/context/extensions/launchmode": "Normal", "https://w3id.org/xapi/cmi5/context/extensions/moveon": "CompletedAndPassed", "https://w3id.org/xapi/cmi5/context/extensions/launchurl": "index.html" },
        },
        timestamp: new Date().toISOString(),
      };
      const r = await fetch(`${ralph.url}statements`, { method: "POST", headers: { authorization: ralph.auth, "content-type": "application/json", "x-experience-api-version": "1.0.3" }, body: JSON.stringify(launched) });
      if (!r.ok) throw new Error(`launched: HTTP ${r.status} ${await r.text()}`);
      const fetchPath = `/fetch/${randomUUID()}`;
      fetchUsed.set(fetchPath, false);
      const q = new URLSearchParams({ endpoint: `${base}/xAPI/`, fetch: `${base}${fetchPath}`, registration, activityId: AU, actor: JSON.stringify(ACTOR) });
      return "?" + q.toString();
    },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
