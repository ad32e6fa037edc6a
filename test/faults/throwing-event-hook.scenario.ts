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
  response.end(JSON.stringify({ data: { id: "n1", message: "hello" } }));
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
await new Promise((resolve) => setTimeout(resolve, 20));
await server.close();
console.log(JSON.stringify({ outcome, sent: server.requests.length, surfaced }));
