/**
 * A redirect the client follows is a request that reached a server: with `spanPerAttempt`, each
 * hop gets a CLIENT span of its own (its own method, URL and status), counted in
 * `http.request.resend_count` as the HTTP conventions count redirects, and a limiter wait before
 * a hop is told as a wait of the same attempt. In process, through an injected `fetch`.
 */
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { createDixaClient } from "../../src/index.js";
import { createDixaTracing } from "../../src/otel/index.js";
import { agentId } from "./answers.js";
import { attributesOf, inMemoryTracing } from "./in-memory-tracing.js";

const tracing = inMemoryTracing();
afterEach(() => tracing.exporter.reset());

const base = "https://dixa.test";
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const redirect = (status: number, location: string) =>
  new Response(null, { status, headers: { location } });

/** A client whose `fetch` gives the answers in order, recording each request's method and URL. */
function clientAnswering(answers: Response[], spanPerAttempt: boolean, rateLimit = false) {
  const sent: string[] = [];
  const dixa = createDixaClient({
    apiKey: "redirect-span-token",
    baseUrl: base,
    // A limiter that says each request waited 5 ms: a wait before every request, hops included.
    rateLimit: rateLimit ? { acquire: async () => 5 } : false,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    fetch: async (input: Request | string | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${request.url}`);
      return answers.shift()!;
    },
    onEvent: createDixaTracing({ tracerProvider: tracing.provider, spanPerAttempt }),
  });
  return { dixa, sent };
}

describe("spanPerAttempt: a followed redirect", () => {
  it("a 307 then a 200: two CLIENT spans under the call, the second its own request", async () => {
    const { dixa, sent } = clientAnswering(
      [redirect(307, `/beta/agents/${agentId}?moved=1`), json(200, { data: { id: agentId } })],
      true,
    );
    await dixa.agents.get(agentId);
    expect(sent).toEqual([
      `GET ${base}/beta/agents/${agentId}`,
      `GET ${base}/beta/agents/${agentId}?moved=1`,
    ]);
    const [first, second, call] = tracing.spans();
    expect(tracing.spans()).toHaveLength(3);
    expect(call!.kind).toBe(SpanKind.INTERNAL);
    for (const hop of [first, second]) {
      expect(hop!.kind).toBe(SpanKind.CLIENT);
      expect(hop!.parentSpanContext?.spanId).toBe(call!.spanContext().spanId);
    }
    expect(attributesOf(first!)).toMatchObject({
      "http.request.method": "GET",
      "url.full": `${base}/beta/agents/${agentId}`,
      "http.response.status_code": 307,
    });
    expect(first!.attributes["error.type"]).toBeUndefined();
    expect(first!.attributes["http.request.resend_count"]).toBeUndefined();
    expect(first!.status.code).toBe(SpanStatusCode.UNSET);
    expect(attributesOf(second!)).toMatchObject({
      "http.request.method": "GET",
      "url.full": `${base}/beta/agents/${agentId}?moved=1`,
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
    expect(call!.attributes).toMatchObject({
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
  });

  it("a POST answered 303: the hop after it is a GET, and its span says so", async () => {
    const { dixa, sent } = clientAnswering(
      [
        redirect(303, "/beta/conversations/1/notes/note-1"),
        json(200, {
          data: { id: "note-1", message: "hi", createdAt: "2026-01-01T00:00:00Z", csid: 1 },
        }),
      ],
      true,
    );
    await dixa.notes.create(1, { message: "hi" }).catch(() => undefined);
    expect(sent).toEqual([
      `POST ${base}/beta/conversations/1/notes`,
      `GET ${base}/beta/conversations/1/notes/note-1`,
    ]);
    const hops = tracing.spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(hops.map((span) => span.attributes["http.request.method"])).toEqual(["POST", "GET"]);
    // The template named the first request's path; the hop went elsewhere.
    expect(hops.map((span) => span.name)).toEqual([
      "POST /beta/conversations/{conversationId}/notes",
      "GET",
    ]);
    expect(hops[1]!.attributes["url.template"]).toBeUndefined();
  });

  it("a retry after a redirected attempt counts every request before it", async () => {
    const { dixa } = clientAnswering(
      [
        redirect(308, `/beta/agents/${agentId}/`),
        json(503, { message: "busy" }),
        json(200, { data: { id: agentId } }),
      ],
      true,
    );
    await dixa.agents.get(agentId);
    const hops = tracing.spans().filter((span) => span.kind === SpanKind.CLIENT);
    expect(hops.map((span) => span.attributes["http.response.status_code"])).toEqual([
      308, 503, 200,
    ]);
    expect(hops.map((span) => span.attributes["http.request.resend_count"])).toEqual([
      undefined,
      1,
      2,
    ]);
    const call = tracing.spans().find((span) => span.kind === SpanKind.INTERNAL)!;
    expect(call.attributes["http.request.resend_count"]).toBe(2);
    expect(call.events.map((event) => event.attributes?.["dixa.attempt"])).toEqual([1]);
  });

  it("a limiter wait before a hop is a wait of the same attempt", async () => {
    const { dixa } = clientAnswering(
      [redirect(307, `/beta/agents/${agentId}?moved=1`), json(200, { data: { id: agentId } })],
      true,
      true,
    );
    await dixa.agents.get(agentId);
    const call = tracing.spans().find((span) => span.kind === SpanKind.INTERNAL)!;
    const waits = call.events.filter((event) => event.name === "dixa.rate_limit.wait");
    expect(waits.map((wait) => wait.attributes?.["dixa.attempt"])).toEqual([1, 1]);
  });
});

describe("without spanPerAttempt", () => {
  it("the call's one CLIENT span counts the redirect in its resend count", async () => {
    const { dixa } = clientAnswering(
      [redirect(307, `/beta/agents/${agentId}?moved=1`), json(200, { data: { id: agentId } })],
      false,
    );
    await dixa.agents.get(agentId);
    const [span] = tracing.spans();
    expect(tracing.spans()).toHaveLength(1);
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toMatchObject({
      "http.response.status_code": 200,
      "http.request.resend_count": 1,
    });
  });
});
