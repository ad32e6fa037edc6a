/**
 * The API token never reaches a span: not its name, an attribute, an event or the status, in any
 * encoding, even when the server echoes it in an error body, a header, a status line, or a URL
 * the client then follows, and when the caller puts it in a path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDixaClient, type DixaClient } from "../../src/index.js";
import { createDixaTracing } from "../../src/otel/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { tokenEncodings } from "../support/token-encodings.js";
import { inMemoryTracing, serialiseSpan } from "./in-memory-tracing.js";

// Characters that encode differently in a URL, JSON, base64 and hex.
const token = "otel-Secret/Token+42=Zq";
const encodings = [
  ...tokenEncodings(token),
  encodeURIComponent(encodeURIComponent(token)),
  "Secret/Token+42", // a good part of it is a leak too
  "Token+42=Zq",
];

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer(async (request, response) => {
    const url = new URL(request.url, "http://loopback");
    if (url.pathname === "/beta/agents" && !url.searchParams.has("pageKey")) {
      // The next page's URL carries the token: the client follows it.
      return sendJson(response, 200, {
        data: [{ id: "a1", name: "A" }],
        meta: { next: `/beta/agents?pageKey=${encodeURIComponent(token)}` },
      });
    }
    if (url.pathname === "/beta/agents") {
      return sendJson(response, 500, { message: `bad key ${token}`, token }, { "x-echo": token });
    }
    if (url.pathname.startsWith("/beta/agents/")) {
      // Never answers: the call times out, and the timeout's message names the path.
      return;
    }
    response.writeHead(401, `Unauthorized ${token}`, {
      "content-type": "application/json",
      "www-authenticate": token,
    });
    response.end(JSON.stringify({ message: `token ${token} rejected` }));
  });
});
afterAll(() => server?.close());

/** Through client.raw: the facade would refuse an id that is not a UUID before sending it. */
const getAgent = (dixa: DixaClient, agentId: string) =>
  dixa.raw.GET("/beta/agents/{agentId}", { params: { path: { agentId } } });

async function spansOf(spanPerAttempt: boolean, call: (dixa: DixaClient) => Promise<unknown>) {
  const tracing = inMemoryTracing();
  const dixa = createDixaClient({
    apiKey: token,
    baseUrl: server.url,
    rateLimit: false,
    timeoutMs: 200,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    onEvent: createDixaTracing({ tracerProvider: tracing.provider, spanPerAttempt }),
  });
  await call(dixa).catch(() => undefined);
  const spans = tracing.spans();
  expect(spans.length).toBeGreaterThan(0);
  return spans.map(serialiseSpan).join("\n");
}

describe.each([false, true])("spanPerAttempt: %s", (spanPerAttempt) => {
  it.each<[string, (dixa: DixaClient) => Promise<unknown>]>([
    ["a 401 echoing the token in body, status line and header", (d) => d.notes.list(1)],
    ["a next-page URL holding the token, then a 500 echoing it", (d) => d.agents.list().toArray()],
    ["the token as a path parameter, timing out twice", (d) => getAgent(d, token)],
  ])("%s", async (_, call) => {
    const exported = await spansOf(spanPerAttempt, call);
    const lower = exported.toLowerCase();
    for (const form of encodings) expect(lower).not.toContain(form.toLowerCase());
    // The server did get the token, so its absence is redaction at work.
    expect(server.requests.at(-1)!.headers["authorization"]).toBe(token);
  });

  it("the spans still say where the token was: redacted in url.full and the timeout message", async () => {
    const exported = await spansOf(spanPerAttempt, (d) => getAgent(d, token));
    expect(exported).toContain("/beta/agents/[redacted]");
    expect(exported).toMatch(/"error\.type":"timeout"/);
    const paged = await spansOf(spanPerAttempt, (d) => d.agents.list().toArray());
    expect(paged).toContain("/beta/agents?pageKey=[redacted]");
  });
});
