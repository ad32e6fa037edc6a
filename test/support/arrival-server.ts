/**
 * A loopback server in a process of its own that enforces Dixa's limit the way a gateway does
 * (a token bucket of 4 refilled at 10/s, per Authorization) and records when each request
 * arrived, by its own clock. Run by `startArrivalServer`; not a test file.
 *
 * GET  /__arrivals  the arrival times (ms) and 429 count per token, without counting itself
 * POST /__reset     forgets everything
 * anything else     200 `{ data: [] }`, or 429 when the token's bucket is empty
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DixaLimitEnforcer } from "./dixa-rate-limit.js";

const enforcers = new Map<string, DixaLimitEnforcer>();

const server = createServer((request, response) => {
  const now = performance.now();
  if (request.url === "/__arrivals") {
    const report: Record<string, { accepted: number[]; rejected: number }> = {};
    for (const [token, enforcer] of enforcers) {
      report[token] = { accepted: enforcer.accepted, rejected: enforcer.rejected };
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(report));
    return;
  }
  if (request.url === "/__reset") {
    enforcers.clear();
    response.writeHead(204).end();
    return;
  }
  const token = String(request.headers["authorization"] ?? "");
  let enforcer = enforcers.get(token);
  if (enforcer === undefined) {
    enforcer = new DixaLimitEnforcer(10, 4);
    enforcers.set(token, enforcer);
  }
  request.resume();
  const admitted = enforcer.admit(now);
  response.writeHead(admitted ? 200 : 429, { "content-type": "application/json" });
  response.end(admitted ? '{"data":[]}' : '{"message":"Too Many Requests"}');
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
// Stop with the parent: when it closes our stdin (or dies), we go too.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
