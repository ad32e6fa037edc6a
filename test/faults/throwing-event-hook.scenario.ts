/**
 * Run as its own process by throwing-event-hook.test.ts, since the hook's error is meant to
 * surface as an uncaught exception, which a test worker would count as its own failure. Prints
 * what the caller saw and what surfaced, as JSON.
 */
import { createDixaClient } from "../../src/index.js";
import { startLoopbackServer } from "../support/loopback-server.js";

const surfaced: string[] = [];
process.on("uncaughtException", (error) => surfaced.push(error.message));

const server = await startLoopbackServer((request, response) => {
  response.writeHead(201, { "content-type": "application/json" });
  if (!request.url.endsWith("/bulk")) {
    response.end(JSON.stringify({ data: { id: "n1", message: "hello" } }));
    return;
  }
  const { data } = JSON.parse(request.body) as { data: Array<{ message: string }> };
  const outcomes = data.map((note, i) => ({
    _type: "BulkActionSuccess",
    data: { id: `b${i}`, message: note.message },
  }));
  response.end(JSON.stringify({ data: outcomes }));
});
const client = createDixaClient({
  apiKey: "hook-test-key",
  baseUrl: server.url,
  onEvent: (event) => {
    if (event.type === "call-end") throw new Error(`hook failed on ${event.type}`);
  },
});
const outcome = await client.notes.create(2, { message: "hello" }).then(
  (note) => `resolved ${note.id}`,
  (error: Error) => `rejected ${error.message}`,
);

// A bulk call in two chunks whose hook breaks on the second request: no item may be dropped.
let requests = 0;
const bulkClient = createDixaClient({
  apiKey: "hook-test-key",
  baseUrl: server.url,
  onEvent: (event) => {
    if (event.type === "request" && ++requests === 2) throw new Error("hook failed on request 2");
  },
});
const notes = Array.from({ length: 4 }, (_, i) => ({ message: `n${i}` }));
const bulk = await bulkClient.notes.createMany(2, notes, { chunkSize: 2 });

await new Promise((resolve) => setTimeout(resolve, 20));
await server.close();
console.log(
  JSON.stringify({
    outcome,
    bulk: { successes: bulk.successes.map((s) => s.index), failures: bulk.failures.length },
    sent: server.requests.length,
    surfaced,
  }),
);
