/**
 * Run as its own process by throwing-event-hook.test.ts: a hook error that escaped as an
 * uncaught exception or an unhandled rejection would end this process before it prints, which
 * is what the test must be able to see. No handler for either is installed here. Prints what
 * the callers saw, what was reported through onHookError, and what the default channel
 * (console.error) received, as JSON on stdout.
 */
import { createDixaClient, type HookErrorInfo } from "../../src/index.js";
import { createDixaTracing } from "../../src/otel/index.js";
import { startLoopbackServer } from "../support/loopback-server.js";

const apiKey = "hook-test-key-SECRET-77";

const server = await startLoopbackServer((request, response) => {
  response.writeHead(201, { "content-type": "application/json" });
  if (!request.url.endsWith("/bulk")) {
    response.end(JSON.stringify({ data: { id: "n1", message: "hello" } }));
    return;
  }
  const { data } = JSON.parse(request.body) as { data: Array<{ message: string }> };
  const outcomes = data.map((note, i) => ({
    _type: "BulkActionSuccess",
    data: { id: `b${request.body.length}-${i}`, message: note.message },
  }));
  response.end(JSON.stringify({ data: outcomes }));
});

const reported: Array<{ message: string; info: HookErrorInfo }> = [];
const onHookError = (error: unknown, info: HookErrorInfo) =>
  reported.push({ message: (error as Error).message, info });
const base = { apiKey, baseUrl: server.url, rateLimit: false as const, onHookError };
const settle = <T>(promise: Promise<T>, show: (value: T) => unknown) =>
  promise.then(show, (error: Error) => `rejected ${error.message}`);

// onEvent throwing on call-end (after the note was created).
const throwing = createDixaClient({
  ...base,
  onEvent: (event) => {
    if (event.type === "call-end") throw new Error(`hook failed on ${event.type}`);
  },
});
const onEventOutcome = await settle(throwing.notes.create(2, { message: "hello" }), (n) => n.id);

// onEvent as an async function whose promise rejects.
const rejecting = createDixaClient({
  ...base,
  onEvent: async (event) => {
    if (event.type === "response") throw new Error("async hook failed");
  },
});
const asyncOutcome = await settle(rejecting.notes.create(2, { message: "hello" }), (n) => n.id);

// A tracing hook whose own hook throws, and whose tracer throws too.
const brokenTracer = {
  startSpan: () => {
    throw new Error("tracer failed");
  },
  startActiveSpan: () => {
    throw new Error("tracer failed");
  },
};
const traced = createDixaClient({
  ...base,
  onEvent: createDixaTracing({
    tracer: brokenTracer as never,
    onEvent: (event) => {
      if (event.type === "call-start") throw new Error("user hook inside tracing failed");
    },
  }),
});
const tracingOutcome = await settle(traced.notes.create(2, { message: "hello" }), (n) => n.id);

// onResponse throwing, on a single call and on a bulk call of one note per request.
const plain = createDixaClient(base);
const failingOnResponse = {
  onResponse: () => {
    throw new Error("onResponse failed");
  },
};
const onResponseOutcome = await settle(
  plain.notes.create(2, { message: "hello" }, failingOnResponse),
  (n) => n.id,
);
const notes = Array.from({ length: 3 }, (_, i) => ({ message: `n${i}` }));
const bulk = await plain.notes.createMany(2, notes, { chunkSize: 1, ...failingOnResponse });

// The default channel: no onHookError given. console.error is captured, not silenced.
const logged: string[] = [];
const originalError = console.error;
console.error = (...args: unknown[]) => logged.push(args.map(String).join(" "));
const defaults = createDixaClient({
  apiKey,
  baseUrl: server.url,
  rateLimit: false,
  onEvent: (event) => {
    if (event.type === "request") throw new Error(`logger broke, token ${apiKey}`);
  },
});
const defaultOutcome = await settle(defaults.notes.create(2, { message: "hello" }), (n) => n.id);
await new Promise((resolve) => setTimeout(resolve, 50));
console.error = originalError;

await server.close();
console.log(
  JSON.stringify({
    outcomes: {
      onEvent: onEventOutcome,
      async: asyncOutcome,
      tracing: tracingOutcome,
      onResponse: onResponseOutcome,
      bulk: { successes: bulk.successes.map((s) => s.index), failures: bulk.failures.length },
      defaults: defaultOutcome,
    },
    sent: server.requests.length,
    reported,
    logged,
  }),
);
