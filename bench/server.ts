/**
 * The bench's HTTP server, run as its own process so its work does not share the client's
 * event loop. Prints its port on stdout. Routes:
 *   GET  /beta/agents/{id}                  one agent
 *   POST /beta/conversations/{id}/notes     one created note
 *   GET  /beta/agents?pageLimit=&pageKey=   1,000 pages of 100 agents, linked by meta.next
 *   GET  /beta/organization                 behind Dixa's limit (10/s, burst 4): 429 when over
 *   POST /beta/conversations/{id}/notes/bulk  behind the same limit, answered after 200 ms (Dixa's
 *                                           latency) with one outcome per note, echoing it
 *   GET  /__limit-stats                     arrival times (ms) of the requests the limit accepted,
 *                                           with each one's `x-worker` header, and the 429s; resets
 *   GET  /__connections                     TCP connections accepted so far (keep-alive check)
 */
import { createServer, type IncomingMessage } from "node:http";
import { DixaLimitEnforcer } from "../test/support/dixa-rate-limit.js";

const pages = 1_000;
const pageSize = 100;

const agent = (n: number) => ({
  id: `93b885ad-fe0d-3089-8df6-${String(n).padStart(12, "0")}`,
  createdAt: "2020-12-16T09:41:43Z",
  displayName: `Agent ${n}`,
  email: `agent.${n}@example.org`,
  avatarUrl: `https://files.dixa.io/public/image_${n}_id`,
  additionalEmails: [],
  additionalPhoneNumbers: [],
  middleNames: [],
  roles: ["Agent"],
});
const oneAgent = JSON.stringify({ data: agent(0) });
const pageKeyOf = (page: number) => Buffer.from(`page-${page}`).toString("base64url");
const pageBodies = new Map<number, string>();
function pageBody(page: number): string {
  let body = pageBodies.get(page);
  if (body === undefined) {
    const data = Array.from({ length: pageSize }, (_, i) => agent(page * pageSize + i));
    const meta =
      page + 1 < pages
        ? { next: `/beta/agents?pageKey=${pageKeyOf(page + 1)}&pageLimit=${pageSize}` }
        : {};
    body = JSON.stringify({ data, meta });
    pageBodies.set(page, body);
  }
  return body;
}
const organization = JSON.stringify({
  data: {
    id: "e9609fa9-efff-4fdc-a7ef-dd335f33c5f6",
    name: "Bench Org",
    subdomain: "bench",
    status: "Active",
  },
});
let enforcer = new DixaLimitEnforcer(10, 4);
/** The `x-worker` header of each accepted request, in order. */
let workers: string[] = [];
let connections = 0;
const bulkLatencyMs = 200;

/** Counts the request against the limit; false when it is over (answered 429). */
function admit(request: IncomingMessage): boolean {
  if (!enforcer.admit()) return false;
  workers.push(String(request.headers["x-worker"] ?? ""));
  return true;
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const url = new URL(request.url ?? "/", "http://bench");
    const send = (status: number, body: string) => {
      response.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    };
    if (url.pathname === "/beta/organization") {
      return admit(request)
        ? send(200, organization)
        : send(429, '{"message":"Too Many Requests"}');
    }
    if (request.method === "POST" && url.pathname.endsWith("/notes/bulk")) {
      if (!admit(request)) return send(429, '{"message":"Too Many Requests"}');
      const { data } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        data: { message: string }[];
      };
      const outcomes = data.map((note, i) => ({
        _type: "BulkActionSuccess",
        data: { id: `note-${i}`, csid: 4711, message: note.message },
      }));
      setTimeout(() => send(200, JSON.stringify({ data: outcomes })), bulkLatencyMs);
      return;
    }
    if (url.pathname === "/__connections") return send(200, JSON.stringify({ connections }));
    if (url.pathname === "/__limit-stats") {
      const stats = JSON.stringify({
        accepted: enforcer.accepted,
        rejected: enforcer.rejected,
        workers,
      });
      enforcer = new DixaLimitEnforcer(10, 4);
      workers = [];
      return send(200, stats);
    }
    if (request.method === "POST" && url.pathname.endsWith("/notes")) {
      const { message } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { message: string };
      return send(
        200,
        JSON.stringify({
          data: {
            id: "eb31acbb-13f9-4ce7-abd3-44dd86266741",
            authorId: "5e8a300e-787e-47cd-af53-fc1ccc37933d",
            createdAt: "2021-12-01T12:46:36.581Z",
            csid: 4711,
            message,
          },
        }),
      );
    }
    if (url.pathname === "/beta/agents") {
      const key = url.searchParams.get("pageKey");
      const page =
        key === null ? 0 : Number(Buffer.from(key, "base64url").toString().slice("page-".length));
      return send(200, pageBody(page));
    }
    if (url.pathname.startsWith("/beta/agents/")) return send(200, oneAgent);
    send(404, '{"message":"no such bench route"}');
  });
});
server.on("connection", () => connections++);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("disconnect", () => process.exit(0));
