// A minimal Learning Record Store for the tests: accepts PUT /statements on
// loopback, checks each statement against the xAPI 1.0.3 rules Rapport relies
// on, and records what it accepted.
import http from "node:http";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Every rule the statement breaks (empty when it is valid). */
export function problems(s, statementId) {
  const out = [];
  const need = (ok, why) => { if (!ok) out.push(why); };
  need(UUID.test(s.id ?? ""), "id is not a UUID");
  need(s.id === statementId, "statementId does not match the id");
  const a = s.actor ?? {};
  const ifis = ["mbox", "mbox_sha1sum", "openid", "account"].filter((k) => a[k] !== undefined);
  need(ifis.length === 1, "actor needs exactly one identifier");
  if (a.account) need(IRI.test(a.account.homePage ?? "") && typeof a.account.name === "string", "account needs homePage and name");
  need(IRI.test(s.verb?.id ?? ""), "verb id is not an IRI");
  need(s.verb?.display && Object.keys(s.verb.display).length > 0, "verb needs a display");
  need(IRI.test(s.object?.id ?? ""), "object id is not an IRI");
  need((s.object?.objectType ?? "Activity") === "Activity", "object is not an Activity");
  const sc = s.result?.score;
  if (sc) {
    need(sc.scaled === undefined || (sc.scaled >= -1 && sc.scaled <= 1), "scaled out of range");
    need(sc.min === undefined || sc.max === undefined || sc.min < sc.max, "min must be below max");
    need(sc.raw === undefined || ((sc.min ?? -Infinity) <= sc.raw && sc.raw <= (sc.max ?? Infinity)), "raw outside min..max");
  }
  if (s.result?.duration !== undefined) need(DURATION.test(s.result.duration), "duration is not ISO 8601");
  for (const k of Object.keys(s.result?.extensions ?? {})) need(IRI.test(k), `extension key ${k} is not an IRI`);
  for (const k of Object.keys(s.context?.extensions ?? {})) need(IRI.test(k), `extension key ${k} is not an IRI`);
  if (s.timestamp !== undefined) need(TIMESTAMP.test(s.timestamp), "timestamp is not ISO 8601");
  return out;
}

/**
 * `auth` is the Authorization header it requires (null: none, as behind a
 * proxy that adds it). `refuse(statement)` returning a reason makes the LRS
 * answer 400 with it (as a real LRS does for a statement it will not store).
 */
export async function startLrs({ port = 0, auth = "Basic dGVzdDp0ZXN0", refuse = () => null } = {}) {
  const stored = new Map();
  const rejected = [];
  const server = http.createServer((req, res) => {
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "PUT, POST, GET, OPTIONS",
      "access-control-allow-headers": "content-type, authorization, x-experience-api-version",
    };
    if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
    const url = new URL(req.url, "http://127.0.0.1");
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const fail = (code, why) => { rejected.push(why); res.writeHead(code, cors).end(why); };
      if (req.method !== "PUT" || !url.pathname.endsWith("/statements")) return fail(405, "only PUT /statements");
      if (!(req.headers["x-experience-api-version"] ?? "").startsWith("1.0")) return fail(400, "missing X-Experience-API-Version");
      if (auth !== null && req.headers.authorization !== auth) return fail(401, "bad credentials");
      let s;
      try { s = JSON.parse(body); } catch { return fail(400, "not JSON"); }
      const id = url.searchParams.get("statementId");
      const bad = problems(s, id);
      const why = refuse(s);
      if (why) return fail(400, JSON.stringify({ message: why }));
      if (bad.length) return fail(400, bad.join("; "));
      if (stored.has(id)) return res.writeHead(JSON.stringify(stored.get(id)) === JSON.stringify(s) ? 204 : 409, cors).end();
      stored.set(id, s);
      res.writeHead(204, cors).end();
    });
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  return {
    port: server.address().port,
    url: `http://127.0.0.1:${server.address().port}/xapi/`,
    stored,
    rejected,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
