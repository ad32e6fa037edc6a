/**
 * What an onEvent hook sees: every call framed by `call-start` and `call-end` under its own
 * `callId`, so events of concurrent calls can be told apart (and turned into spans).
 */
import { describe, expect, it } from "vitest";
import { createDixaClient, type DixaEvent } from "../../src/index.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";

describe("onEvent", () => {
  it("frames each call with call-start and call-end under one callId, retries included", async () => {
    let hits = 0;
    const server = await startLoopbackServer((request, response) => {
      if (request.url.endsWith("/1/notes") && hits++ === 0) {
        return sendJson(response, 503, { message: "busy" });
      }
      sendJson(response, 200, { data: [] });
    });
    const events: DixaEvent[] = [];
    try {
      const client = createDixaClient({
        apiKey: "events-key",
        baseUrl: server.url,
        rateLimit: false,
        retry: { baseDelayMs: 1, maxDelayMs: 1 },
        onEvent: (event) => events.push(event),
      });
      await Promise.all([client.notes.list(1), client.notes.list(2)]);
    } finally {
      await server.close();
    }
    const ids = [...new Set(events.map((e) => e.callId))];
    expect(ids).toHaveLength(2);
    const first = events.filter(
      (e) =>
        e.pathTemplate.includes("{conversationId}") &&
        e.callId === events.find((x) => x.type === "request" && x.url.endsWith("/1/notes"))!.callId,
    );
    expect(first.map((e) => e.type)).toEqual([
      "call-start",
      "request",
      "response",
      "retry",
      "request",
      "response",
      "call-end",
    ]);
    expect(first.at(-1)).toMatchObject({ type: "call-end", attempts: 2, status: 200 });
    for (const event of events) expect(JSON.stringify(event)).not.toContain("events-key");
  });

  it("ends a failed call with the failure's kind", async () => {
    const events: DixaEvent[] = [];
    const client = createDixaClient({
      apiKey: "events-key",
      baseUrl: "http://127.0.0.1:9",
      rateLimit: false,
      retry: false,
      onEvent: (event) => events.push(event),
    });
    await expect(client.notes.list(1)).rejects.toThrow();
    expect(events.at(-1)).toMatchObject({ type: "call-end", kind: "network", attempts: 1 });
  });
});
