/**
 * Failed calls: span status ERROR and `error.type` as the conventions say for HTTP clients (the
 * status code as a string for an answer of 400 or more, the client's failure kind when no answer
 * came), `http.response.status_code` only when an answer came.
 */
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { createDixaClient, type DixaClientOptions } from "../../src/index.js";
import { createDixaTracing } from "../../src/otel/index.js";
import {
  sendJson,
  startLoopbackServer,
  type Handler,
  type LoopbackServer,
} from "../support/loopback-server.js";
import { agentId } from "./answers.js";
import { inMemoryTracing } from "./in-memory-tracing.js";

const tracing = inMemoryTracing();
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  tracing.exporter.reset();
});

/** Makes one call against a server answering with `handler`; returns its one span. */
async function spanOfFailedCall(
  handler: Handler,
  options: Partial<DixaClientOptions> = {},
  callOptions: { signal?: AbortSignal } = {},
): Promise<{ span: ReadableSpan; error: unknown }> {
  server = await startLoopbackServer(handler);
  const dixa = createDixaClient({
    apiKey: "failure-token",
    baseUrl: server.url,
    rateLimit: false,
    retry: false,
    onEvent: createDixaTracing({ tracerProvider: tracing.provider }),
    ...options,
  });
  const error = await dixa.agents.get(agentId, callOptions).then(
    () => {
      throw new Error("the call was expected to fail");
    },
    (caught: unknown) => caught,
  );
  const spans = tracing.spans();
  expect(spans).toHaveLength(1);
  return { span: spans[0]!, error };
}

describe("answers of 400 or more", () => {
  it.each([400, 401, 404, 422, 429])(
    "%i: ERROR, error.type the code, no description",
    async (status) => {
      const { span } = await spanOfFailedCall((_, response) =>
        sendJson(response, status, { message: "no" }),
      );
      expect(span.attributes).toMatchObject({
        "http.response.status_code": status,
        "error.type": String(status),
      });
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    },
  );

  it.each([500, 503])("%i after the retries ran out: ERROR, resend count 2", async (status) => {
    const { span } = await spanOfFailedCall(
      (_, response) => sendJson(response, status, { message: "down" }),
      { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } },
    );
    expect(span.attributes).toMatchObject({
      "http.response.status_code": status,
      "error.type": String(status),
      "http.request.resend_count": 2,
    });
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span.events.map((e) => e.attributes?.["http.response.status_code"])).toEqual([
      status,
      status,
    ]);
  });
});

describe("no answer", () => {
  it("a connection cut: error.type network, the client's message as description", async () => {
    const { span, error } = await spanOfFailedCall(
      (_, _response, raw) => void raw.socket.destroy(),
    );
    expect(error).toMatchObject({ kind: "network" });
    expect(span.attributes["error.type"]).toBe("network");
    expect(span.attributes).not.toHaveProperty("http.response.status_code");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toBe((error as Error).message);
  });

  it("nothing listening: error.type network", async () => {
    // A port that was free a moment ago: nothing answers there now.
    const gone = await startLoopbackServer(() => undefined);
    await gone.close();
    const dixa = createDixaClient({
      apiKey: "failure-token",
      baseUrl: gone.url,
      rateLimit: false,
      retry: false,
      onEvent: createDixaTracing({ tracerProvider: tracing.provider }),
    });
    await expect(dixa.agents.get(agentId)).rejects.toMatchObject({ kind: "network" });
    const [span] = tracing.spans();
    expect(span!.attributes["error.type"]).toBe("network");
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("no answer in time: error.type timeout", async () => {
    const { span, error } = await spanOfFailedCall(() => undefined, { timeoutMs: 150 });
    expect(error).toMatchObject({ kind: "timeout" });
    expect(span.attributes["error.type"]).toBe("timeout");
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: (error as Error).message });
  });

  it("cancelled by the caller: error.type aborted", async () => {
    const controller = new AbortController();
    const pending = spanOfFailedCall(
      () => {
        controller.abort();
      },
      {},
      { signal: controller.signal },
    );
    const { span, error } = await pending;
    expect(error).toMatchObject({ kind: "aborted" });
    expect(span.attributes["error.type"]).toBe("aborted");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("timeouts retried then given up: the last failure names the span", async () => {
    const { span } = await spanOfFailedCall(() => undefined, {
      timeoutMs: 100,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(span.attributes).toMatchObject({
      "error.type": "timeout",
      "http.request.resend_count": 1,
    });
    expect(span.events.map((e) => [e.name, e.attributes?.["error.type"]])).toEqual([
      ["dixa.retry", "timeout"],
    ]);
  });

  it("an answer too large to read: error.type malformed-response", async () => {
    const { span } = await spanOfFailedCall(
      (_, response) => sendJson(response, 200, { data: { id: agentId, pad: "x".repeat(4096) } }),
      { maxResponseBytes: 1024 },
    );
    expect(span.attributes["error.type"]).toBe("malformed-response");
    expect(span.attributes).not.toHaveProperty("http.response.status_code");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });
});
