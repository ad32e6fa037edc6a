/**
 * Run as its own process by leftover-handles.test.ts: drives the client through failures,
 * retries, limiter waits and cancellations with the default 30 s timeout, closes the server and
 * then simply returns. If any timer or socket were left behind, the process would not exit.
 */
import { createDixaClient, RateLimiter } from "../../src/index.js";
import { startFaultServer, type Fault } from "./fault-server.js";

const server = await startFaultServer((request, index): Fault => {
  if (request.url.includes("/conversations/7/")) return { kind: "never-answer" };
  if (index % 3 === 0) return { kind: "status", status: 503 };
  if (index % 3 === 1) return { kind: "reset-before-response" };
  return { kind: "ok", body: { data: [] } };
});
const limiter = new RateLimiter({ requestsPerSecond: 20, burst: 2, jitterAllowanceMs: 0 });
const client = createDixaClient({
  apiKey: "handles-test-key",
  baseUrl: server.url,
  rateLimit: limiter,
  retry: { baseDelayMs: 5, maxDelayMs: 10 },
});

const settled = await Promise.allSettled([
  ...Array.from({ length: 12 }, (_, i) => client.notes.list(100 + i)),
  client.notes.create(2, { message: "x" }),
  client.notes.list(7, { signal: AbortSignal.timeout(50) }),
  client.notes.list(7, { timeoutMs: 80, retry: false }),
  client.notes.list(3, { signal: AbortSignal.abort() }),
]);
await server.close();
const summary = settled.map((s) =>
  s.status === "fulfilled" ? "ok" : (s.reason as { kind?: string }).kind,
);
console.log(JSON.stringify(summary));
