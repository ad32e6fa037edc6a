/**
 * dixa-beta/otel: one CLIENT span per call, named and described as the OpenTelemetry HTTP client
 * span conventions say, written to the SDK's in-memory exporter by calls to a loopback server.
 */
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from "@opentelemetry/semantic-conventions";
import { ATTR_URL_TEMPLATE } from "@opentelemetry/semantic-conventions/incubating";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { agentsGet, createDixaClient, createDixaCore } from "../../src/index.js";
import { createDixaTracing, instrumentationName } from "../../src/otel/index.js";
import { describeMethod } from "../../src/otel/http-method.js";
import { attr } from "../../src/otel/semconv.js";
import { urlAttributes } from "../../src/otel/url-attributes.js";
import { packageVersion } from "../../src/version.js";
import { startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { agentId, answerLikeDixa } from "./answers.js";
import { attributesOf, inMemoryTracing } from "./in-memory-tracing.js";

let server: LoopbackServer;
let port: number;
const tracing = inMemoryTracing();

beforeAll(async () => {
  server = await startLoopbackServer(answerLikeDixa);
  port = Number(new URL(server.url).port);
});
afterAll(() => server?.close());
beforeEach(() => tracing.exporter.reset());

function client(options: Parameters<typeof createDixaTracing>[0] = {}) {
  return createDixaClient({
    apiKey: "span-token",
    baseUrl: server.url,
    rateLimit: false,
    onEvent: createDixaTracing({ tracerProvider: tracing.provider, ...options }),
  });
}

describe("a span per call", () => {
  it("names a GET by its method and path template and describes it per the conventions", async () => {
    await client().agents.get(agentId);
    const [span, ...others] = tracing.spans();
    expect(others).toEqual([]);
    expect(span!.name).toBe("GET /beta/agents/{agentId}");
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(attributesOf(span!)).toEqual({
      "http.request.method": "GET",
      "url.template": "/beta/agents/{agentId}",
      "url.full": `${server.url}/beta/agents/${agentId}`,
      "server.address": "127.0.0.1",
      "server.port": port,
      "http.response.status_code": 200,
    });
    expect(span!.status).toEqual({ code: SpanStatusCode.UNSET });
    expect(span!.events).toEqual([]);
    expect(span!.ended).toBe(true);
    expect(span!.instrumentationScope).toMatchObject({
      name: instrumentationName,
      version: packageVersion,
    });
    // No parent: nothing was active where the call was made.
    expect(span!.parentSpanContext).toBeUndefined();
  });

  it("names a POST the same way", async () => {
    await client().notes.create(4711, { message: "traced" });
    const [create] = tracing.spans();
    expect(create!.name).toBe("POST /beta/conversations/{conversationId}/notes");
    expect(create!.attributes).toMatchObject({
      "http.request.method": "POST",
      "url.template": "/beta/conversations/{conversationId}/notes",
      "url.full": `${server.url}/beta/conversations/4711/notes`,
      "http.response.status_code": 200,
    });
  });

  it("ends the span when the call ends: a slow answer is inside it", async () => {
    const slow = await startLoopbackServer(async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      answerLikeDixa(request, response);
    });
    try {
      const hook = createDixaTracing({ tracerProvider: tracing.provider });
      const dixa = createDixaClient({
        apiKey: "span-token",
        baseUrl: slow.url,
        rateLimit: false,
        onEvent: hook,
      });
      await dixa.agents.get(agentId);
    } finally {
      await slow.close();
    }
    const [span] = tracing.spans();
    const [s, ns] = span!.duration;
    // A lower bound only (the server waited 150 ms before answering): no upper bound to flake.
    expect(s * 1000 + ns / 1e6).toBeGreaterThanOrEqual(140);
  });

  it("works the same with createDixaCore and the operation functions", async () => {
    const core = createDixaCore({
      apiKey: "span-token",
      baseUrl: server.url,
      rateLimit: false,
      onEvent: createDixaTracing({ tracer: tracing.provider.getTracer("mine") }),
    });
    await agentsGet(core, agentId);
    const [span] = tracing.spans();
    expect(span!.name).toBe("GET /beta/agents/{agentId}");
    // The tracer given is the one used.
    expect(span!.instrumentationScope.name).toBe("mine");
  });

  it("uses the global tracer provider by default, even one registered after the hook was made", async () => {
    const hook = createDixaTracing();
    const dixa = createDixaClient({
      apiKey: "span-token",
      baseUrl: server.url,
      rateLimit: false,
      onEvent: hook,
    });
    const global = inMemoryTracing();
    expect(trace.setGlobalTracerProvider(global.provider)).toBe(true);
    try {
      await dixa.agents.get(agentId);
    } finally {
      trace.disable();
    }
    expect(global.spans().map((s) => s.name)).toEqual(["GET /beta/agents/{agentId}"]);
    expect(global.spans()[0]!.instrumentationScope.name).toBe("dixa-beta");
  });

  it("one hook serves several clients, each call its own span", async () => {
    const hook = createDixaTracing({ tracerProvider: tracing.provider });
    const make = () =>
      createDixaClient({
        apiKey: "span-token",
        baseUrl: server.url,
        rateLimit: false,
        onEvent: hook,
      });
    await Promise.all([make().agents.get(agentId), make().notes.list(1)]);
    expect(
      tracing
        .spans()
        .map((s) => s.name)
        .sort(),
    ).toEqual(["GET /beta/agents/{agentId}", "GET /beta/conversations/{conversationId}/notes"]);
  });
});

describe("names and values", () => {
  it("the attribute names are those of @opentelemetry/semantic-conventions", () => {
    expect(attr).toMatchObject({
      httpRequestMethod: ATTR_HTTP_REQUEST_METHOD,
      httpRequestMethodOriginal: ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
      httpRequestResendCount: ATTR_HTTP_REQUEST_RESEND_COUNT,
      httpResponseStatusCode: ATTR_HTTP_RESPONSE_STATUS_CODE,
      urlFull: ATTR_URL_FULL,
      urlTemplate: ATTR_URL_TEMPLATE,
      serverAddress: ATTR_SERVER_ADDRESS,
      serverPort: ATTR_SERVER_PORT,
      errorType: ATTR_ERROR_TYPE,
    });
  });

  it("an unknown method is _OTHER, named HTTP, with the original kept", () => {
    expect(describeMethod("PATCH")).toEqual({
      attributes: { "http.request.method": "PATCH" },
      namepart: "PATCH",
    });
    expect(describeMethod("get")).toEqual({
      attributes: { "http.request.method": "GET", "http.request.method_original": "get" },
      namepart: "GET",
    });
    expect(describeMethod("PURGE")).toEqual({
      attributes: { "http.request.method": "_OTHER", "http.request.method_original": "PURGE" },
      namepart: "HTTP",
    });
  });

  it("server.port falls back to the scheme's port; credentials and IPv6 brackets are handled", () => {
    expect(urlAttributes("https://dev.dixa.io/beta/agents?pageLimit=2")).toEqual({
      "url.full": "https://dev.dixa.io/beta/agents?pageLimit=2",
      "server.address": "dev.dixa.io",
      "server.port": 443,
    });
    expect(urlAttributes("http://user:pw@[::1]:8080/x")).toEqual({
      "url.full": "http://REDACTED:REDACTED@[::1]:8080/x",
      "server.address": "::1",
      "server.port": 8080,
    });
    expect(urlAttributes("http://proxy.local/x")["server.port"]).toBe(80);
  });
});

describe("options", () => {
  it("refuses what it cannot use, naming the option", () => {
    const make = (options: unknown) => () => createDixaTracing(options as never);
    expect(make(null)).toThrow(/createDixaTracing\(options\): options must be an object/);
    expect(make({ tracer: {} })).toThrow(/`tracer` must be an OpenTelemetry Tracer/);
    expect(make({ tracerProvider: 1 })).toThrow(/`tracerProvider` must be an OpenTelemetry/);
    expect(
      make({ tracer: tracing.provider.getTracer("x"), tracerProvider: tracing.provider }),
    ).toThrow(/`tracer` or `tracerProvider`, not both/);
    expect(make({ onEvent: "log" })).toThrow(/`onEvent` must be a function/);
    expect(make({ spanPerAttempt: "yes" })).toThrow(/`spanPerAttempt` must be true or false/);
    expect(make({ traceer: 1 })).toThrow(/unknown option `traceer`/);
    expect(make({ tracer: tracing.provider.getTracer("x") })).not.toThrow();
  });
});
