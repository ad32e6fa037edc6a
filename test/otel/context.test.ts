/**
 * Where spans sit in a trace: under the span active where the call was made (with Node's
 * AsyncLocalStorage context manager), one per call however many run at once; and the user's own
 * hook still sees every event.
 */
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDixaClient, type DixaEvent, type EventHook } from "../../src/index.js";
import { createDixaTracing } from "../../src/otel/index.js";
import { startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { answerLikeDixa } from "./answers.js";
import { inMemoryTracing } from "./in-memory-tracing.js";

const tracing = inMemoryTracing();
const tracer = tracing.provider.getTracer("test-app");
const contextManager = new AsyncLocalStorageContextManager();
let server: LoopbackServer;

beforeAll(async () => {
  expect(context.setGlobalContextManager(contextManager.enable())).toBe(true);
  // Slower answers for lower conversation ids, so concurrent calls interleave their events.
  server = await startLoopbackServer(async (request, response) => {
    const csid = Number(/conversations\/(\d+)/.exec(request.url)?.[1] ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 200 - csid * 20));
    answerLikeDixa(request, response);
  });
});
afterAll(async () => {
  context.disable();
  await server?.close();
});
beforeEach(() => tracing.exporter.reset());

function client(onEvent?: EventHook) {
  return createDixaClient({
    apiKey: "context-token",
    baseUrl: server.url,
    rateLimit: false,
    onEvent: createDixaTracing({ tracer, onEvent }),
  });
}

describe("parent spans", () => {
  it("a call's span is a child of the span active where the call was made", async () => {
    const dixa = client();
    const parentIds = await tracer.startActiveSpan("handle request", async (parent) => {
      await dixa.notes.list(1);
      await dixa.notes.list(2);
      parent.end();
      return parent.spanContext();
    });
    await dixa.notes.list(3); // outside any span
    const calls = tracing.spans().filter((s) => s.name.startsWith("GET "));
    expect(calls).toHaveLength(3);
    const [first, second, outside] = calls;
    for (const span of [first, second]) {
      expect(span!.parentSpanContext?.spanId).toBe(parentIds.spanId);
      expect(span!.spanContext().traceId).toBe(parentIds.traceId);
    }
    expect(outside!.parentSpanContext).toBeUndefined();
    expect(outside!.spanContext().traceId).not.toBe(parentIds.traceId);
  });

  it("concurrent requests of the app each get their calls under their own span", async () => {
    const dixa = client();
    const handle = (name: string, csids: number[]) =>
      tracer.startActiveSpan(name, async (parent) => {
        await Promise.all(csids.map((csid) => dixa.notes.list(csid)));
        parent.end();
        return parent.spanContext().spanId;
      });
    const [a, b] = await Promise.all([handle("a", [1, 3, 5]), handle("b", [2, 4, 6])]);
    const parentOf = (csid: number) =>
      tracing
        .spans()
        .find((s) => s.attributes["url.full"] === `${server.url}/beta/conversations/${csid}/notes`)
        ?.parentSpanContext?.spanId;
    expect([1, 3, 5].map(parentOf)).toEqual([a, a, a]);
    expect([2, 4, 6].map(parentOf)).toEqual([b, b, b]);
  });

  it("a span set active with context.with is the parent too", async () => {
    const parent = tracer.startSpan("outer");
    await context.with(trace.setSpan(context.active(), parent), () => client().notes.list(1));
    parent.end();
    const [span] = tracing.spans();
    expect(span!.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });
});

const csids = [1, 2, 3, 4, 5, 6, 7, 8];

describe("concurrent calls", () => {
  it("eight calls in flight at once: eight spans, each with its own URL, ids and status", async () => {
    // Holds every answer until all eight requests are in, so the calls' events interleave.
    const waiting: (() => void)[] = [];
    const gate = await startLoopbackServer(async (request, response) => {
      await new Promise<void>((release) => {
        waiting.push(release);
        if (waiting.length === 8) waiting.reverse().forEach((go) => go());
      });
      answerLikeDixa(request, response);
    });
    const events: DixaEvent[] = [];
    try {
      const dixa = createDixaClient({
        apiKey: "context-token",
        baseUrl: gate.url,
        rateLimit: false,
        onEvent: createDixaTracing({ tracer, onEvent: (e) => events.push(e) }),
      });
      await Promise.all(csids.map((csid) => dixa.notes.list(csid)));
    } finally {
      await gate.close();
    }
    // Every call had sent its request before any answer came.
    const firstResponse = events.findIndex((e) => e.type === "response");
    expect(events.slice(0, firstResponse).filter((e) => e.type === "request")).toHaveLength(8);
    const spans = tracing.spans();
    expect(spans).toHaveLength(8);
    expect(spans.map((s) => s.attributes["url.full"]).sort()).toEqual(
      csids.map((csid) => `${gate.url}/beta/conversations/${csid}/notes`).sort(),
    );
    expect(new Set(spans.map((s) => s.spanContext().spanId)).size).toBe(8);
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(8);
    for (const span of spans) {
      expect(span.attributes["http.response.status_code"]).toBe(200);
      expect(span.ended).toBe(true);
    }
  });
});

describe("the user's own hook", () => {
  it("sees every event, unchanged and in order, as without tracing", async () => {
    const traced: DixaEvent[] = [];
    const plain: DixaEvent[] = [];
    await Promise.all([1, 2].map((csid) => client((e) => traced.push(e)).notes.list(csid)));
    const untraced = createDixaClient({
      apiKey: "context-token",
      baseUrl: server.url,
      rateLimit: false,
      onEvent: (e) => plain.push(e),
    });
    await Promise.all([1, 2].map((csid) => untraced.notes.list(csid)));
    // Per call, in order; times and call numbers aside (they differ from run to run).
    const perCall = (events: DixaEvent[]) => {
      const calls = new Map<number, DixaEvent[]>();
      for (const e of events) {
        const call = calls.get(e.callId) ?? [];
        call.push({ ...e, callId: 0, durationMs: 0 } as DixaEvent);
        calls.set(e.callId, call);
      }
      return [...calls.values()].sort((a, b) =>
        JSON.stringify(a[0]).localeCompare(JSON.stringify(b[0])),
      );
    };
    expect(traced).toHaveLength(8);
    expect(perCall(traced)).toEqual(perCall(plain));
    expect(perCall(traced).map((call) => call.map((e) => e.type))).toEqual([
      ["call-start", "request", "response", "call-end"],
      ["call-start", "request", "response", "call-end"],
    ]);
    expect(tracing.spans()).toHaveLength(2);
  });

  // The client reports a throwing hook's error on its own and lets the call go on
  // (test/faults/throwing-event-hook.test.ts); here, the hook this adapter composes still records.
  it("the user's hook throwing, at call-start or later, leaves the call with one span, ended and not failed", async () => {
    const seen: DixaEvent[] = [];
    const composed = createDixaTracing({
      tracer,
      onEvent: (event) => {
        seen.push(event);
        throw new Error("hook failed");
      },
    });
    const plain: DixaEvent[] = [];
    await client((event) => void plain.push(event)).notes.list(1);
    tracing.exporter.reset();
    for (const event of plain) expect(() => composed(event)).toThrow("hook failed");
    expect(seen).toEqual(plain);
    const [span, ...more] = tracing.spans();
    expect(more).toEqual([]);
    expect(span!.ended).toBe(true);
    expect(span!.attributes["error.type"]).toBeUndefined();
  });

  it("a tracer that throws still lets the user's hook see every event, and both errors surface", async () => {
    const broken = {
      startSpan: () => {
        throw new Error("tracer failed");
      },
    } as unknown as typeof tracer;
    const seen: DixaEvent[] = [];
    const composed = createDixaTracing({ tracer: broken, onEvent: (e) => void seen.push(e) });
    const plain: DixaEvent[] = [];
    await client((event) => void plain.push(event)).notes.list(1);
    expect(() => composed(plain[0]!)).toThrow("tracer failed");
    // No span was started for the call, so the later events have nothing to record.
    for (const event of plain.slice(1)) composed(event);
    expect(seen).toEqual(plain);
    const both = createDixaTracing({
      tracer: broken,
      onEvent: () => {
        throw new Error("hook failed");
      },
    });
    const error = (() => {
      try {
        both(plain[0]!);
      } catch (caught) {
        return caught as AggregateError;
      }
    })();
    expect(error).toBeInstanceOf(AggregateError);
    expect(error!.errors.map((e: Error) => e.message)).toEqual(["tracer failed", "hook failed"]);
  });
});
