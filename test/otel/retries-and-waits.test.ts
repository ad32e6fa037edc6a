/**
 * Retries and rate-limiter waits: still one span per call, the resends counted in
 * `http.request.resend_count`, each retry and each wait a span event. With `spanPerAttempt`, one
 * CLIENT span per request sent under an INTERNAL span for the call.
 */
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { createDixaClient, RateLimiter, type DixaClientOptions } from "../../src/index.js";
import { createDixaTracing } from "../../src/otel/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { agentId, answerLikeDixa } from "./answers.js";
import { attributesOf, inMemoryTracing } from "./in-memory-tracing.js";

const tracing = inMemoryTracing();
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  tracing.exporter.reset();
});

/** A server whose first `failures` answers are given by `fail`, then answers like Dixa. */
async function failingFirst(
  failures: number,
  fail: Parameters<typeof startLoopbackServer>[0],
): Promise<LoopbackServer> {
  let seen = 0;
  server = await startLoopbackServer((request, response, raw) =>
    seen++ < failures ? fail(request, response, raw) : answerLikeDixa(request, response),
  );
  return server;
}

function clientOf(
  target: LoopbackServer,
  options: Partial<DixaClientOptions> = {},
  spanPerAttempt = false,
) {
  return createDixaClient({
    apiKey: "retry-token",
    baseUrl: target.url,
    rateLimit: false,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    onEvent: createDixaTracing({ tracerProvider: tracing.provider, spanPerAttempt }),
    ...options,
  });
}

const eventsOf = (span: ReadableSpan) =>
  span.events.map((e) => ({ name: e.name, attributes: { ...e.attributes } }));

describe("retries", () => {
  it("a GET answered 503 then 200: one span, resend count 1, the retry as an event", async () => {
    const target = await failingFirst(1, (_, response) =>
      sendJson(response, 503, { message: "busy" }),
    );
    await clientOf(target).agents.get(agentId);
    const spans = tracing.spans();
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(span!.attributes).toMatchObject({
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
    expect(span!.attributes["error.type"]).toBeUndefined();
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(eventsOf(span!)).toEqual([
      {
        name: "dixa.retry",
        attributes: {
          "dixa.attempt": 1,
          "dixa.retry.delay_ms": expect.any(Number),
          "dixa.retry.reason": "503 from the server",
          "http.response.status_code": 503,
          "error.type": "503",
        },
      },
    ]);
    expect(target.requests).toHaveLength(2);
  });

  it("a connection cut twice: two retry events naming the network failure", async () => {
    const target = await failingFirst(2, (_, _response, raw) => void raw.socket.destroy());
    await clientOf(target).agents.get(agentId);
    const [span, ...others] = tracing.spans();
    expect(others).toEqual([]);
    expect(span!.attributes["http.request.resend_count"]).toBe(2);
    expect(eventsOf(span!)).toEqual(
      [1, 2].map((attempt) => ({
        name: "dixa.retry",
        attributes: {
          "dixa.attempt": attempt,
          "dixa.retry.delay_ms": expect.any(Number),
          "dixa.retry.reason": "network failure",
          "error.type": "network",
        },
      })),
    );
  });

  it("no resend count on a call sent once", async () => {
    const target = await failingFirst(0, () => undefined);
    await clientOf(target).agents.get(agentId);
    expect(tracing.spans()[0]!.attributes).not.toHaveProperty("http.request.resend_count");
  });
});

describe("rate-limiter waits", () => {
  it("a call the limiter held back has a dixa.rate_limit.wait event", async () => {
    const target = await failingFirst(0, () => undefined);
    // One request at a time, 20 a second: of three calls made together, two must wait.
    const rateLimit = new RateLimiter({ requestsPerSecond: 20, burst: 1, jitterAllowanceMs: 0 });
    const dixa = clientOf(target, { rateLimit });
    await Promise.all([1, 2, 3].map((csid) => dixa.notes.list(csid)));
    const spans = tracing.spans();
    expect(spans).toHaveLength(3);
    const waits = spans.flatMap((span) =>
      span.events.filter((e) => e.name === "dixa.rate_limit.wait"),
    );
    expect(waits).toHaveLength(2);
    for (const wait of waits) {
      expect(wait.attributes?.["dixa.attempt"]).toBe(1);
      expect(wait.attributes?.["dixa.rate_limit.waited_ms"]).toBeGreaterThan(0);
      expect(wait.attributes?.["dixa.rate_limit.priority"]).toBe("normal");
    }
    // The lane is on every span of a call that went through the limiter.
    for (const span of spans) expect(span.attributes["dixa.rate_limit.priority"]).toBe("normal");
    // Each wait is on the span of the call that waited, none on the call that went first.
    expect(spans.filter((span) => span.events.length === 0)).toHaveLength(1);
  });
});

describe("spanPerAttempt", () => {
  it("a retried GET: an INTERNAL call span over one CLIENT span per request sent", async () => {
    const target = await failingFirst(1, (_, response) =>
      sendJson(response, 503, { message: "busy" }),
    );
    await clientOf(target, {}, true).agents.get(agentId);
    const spans = tracing.spans();
    expect(spans).toHaveLength(3);
    // Attempt spans end before the call's.
    const [first, second, call] = spans;
    expect(call!.kind).toBe(SpanKind.INTERNAL);
    expect(call!.name).toBe("GET /beta/agents/{agentId}");
    expect(call!.attributes).toMatchObject({
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
    expect(eventsOf(call!).map((e) => e.name)).toEqual(["dixa.retry"]);
    for (const attempt of [first, second]) {
      expect(attempt!.kind).toBe(SpanKind.CLIENT);
      expect(attempt!.name).toBe("GET /beta/agents/{agentId}");
      expect(attempt!.parentSpanContext?.spanId).toBe(call!.spanContext().spanId);
      expect(attempt!.spanContext().traceId).toBe(call!.spanContext().traceId);
    }
    expect(attributesOf(first!)).toEqual({
      "http.request.method": "GET",
      "url.template": "/beta/agents/{agentId}",
      "url.full": `${target.url}/beta/agents/${agentId}`,
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(target.url).port),
      "http.response.status_code": 503,
      "error.type": "503",
    });
    expect(first!.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(second!.attributes).toMatchObject({
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
    expect(second!.attributes["error.type"]).toBeUndefined();
    expect(second!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("a call aborted while a request is out ends that request's span as aborted", async () => {
    const target = await failingFirst(1, () => undefined); // never answers
    const controller = new AbortController();
    const call = clientOf(target, {}, true).agents.get(agentId, { signal: controller.signal });
    while (target.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: "aborted" });
    const [attempt, callSpan] = tracing.spans();
    for (const span of [attempt, callSpan]) {
      expect(span!.attributes["error.type"]).toBe("aborted");
      expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    }
    expect(attempt!.kind).toBe(SpanKind.CLIENT);
    expect(callSpan!.kind).toBe(SpanKind.INTERNAL);
  });
});
