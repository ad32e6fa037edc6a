/**
 * The daily-use per-call options: extra headers (never Authorization) and the exchange behind a
 * result (`onResponse`, and `error.response` on a DixaApiError).
 */
import { describe, expect, it } from "vitest";
import { DixaApiError, type DixaResponseInfo } from "../../src/index.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";
import { sendJson, startLoopbackServer, type Handler } from "../support/loopback-server.js";
import { clientFor, testApiKey } from "../support/test-client.js";

async function withClient<T>(
  handler: Handler,
  run: (client: ReturnType<typeof clientFor>, requests: () => number) => Promise<T>,
) {
  const server = await startLoopbackServer(handler);
  try {
    return await run(
      clientFor(server, { retry: { baseDelayMs: 1, maxDelayMs: 1 } }),
      () => server.requests.length,
    );
  } finally {
    await server.close();
  }
}

describe("options.headers", () => {
  it("adds headers to this call only", async () => {
    const seen: Array<Record<string, unknown>> = [];
    await withClient(
      (request, response) => {
        seen.push(request.headers);
        sendJson(response, 200, { data: [] });
      },
      async (client) => {
        await client.notes.list(1, {
          headers: { "X-Trace-Id": "abc-123", "Accept-Language": "da" },
        });
        await client.notes.list(1);
      },
    );
    expect(seen[0]).toMatchObject({ "x-trace-id": "abc-123", "accept-language": "da" });
    expect(seen[0]!["authorization"]).toBe(testApiKey);
    expect(seen[1]!["x-trace-id"]).toBeUndefined();
  });

  it.each([
    ["Authorization", { Authorization: "someone-else" }, /cannot set Authorization/],
    ["authorization in lower case", { authorization: "x" }, /cannot set Authorization/],
    [
      "a line break in a value",
      { "X-A": "a\r\nX-Injected: 1" },
      /options\.headers\["X-A"\] holds a character an HTTP header cannot carry/,
    ],
    [
      "a value that is not a string",
      { "X-A": 5 },
      /options\.headers\["X-A"\] must be a string, got the number 5/,
    ],
    ["a name that is not a header name", { "X A": "v" }, /a name that is not a header name/],
    ["not an object", "X-A: v", /options\.headers must be an object/],
  ])("%s is a TypeError before sending", async (_name, headers, message) => {
    await expectRefusedBeforeSending([
      "notes.list",
      "async",
      (client) => client.notes.list(1, { headers: headers as never }),
      message,
    ]);
  });

  it("client.raw cannot set Authorization either, and sends nothing", async () => {
    const { error, sent } = await withClient(
      (_q, response) => sendJson(response, 200, { data: {} }),
      async (client, requests) => {
        const error = await client.raw
          .GET("/beta/organization", { headers: { Authorization: "someone-else" } })
          .catch((e: unknown) => e);
        return { error, sent: requests() };
      },
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/cannot set Authorization/);
    expect(String(error)).not.toContain("someone-else");
    expect(sent).toBe(0);
  });

  it("never echoes a refused header's value", async () => {
    const error = await withClient(
      (_q, response) => sendJson(response, 200, { data: [] }),
      (client) =>
        client.notes.list(1, { headers: { "X-Secret": "s3cr3t\n" } }).catch((e: unknown) => e),
    );
    expect(String(error)).not.toContain("s3cr3t");
  });
});

describe("options.onResponse and error.response", () => {
  it("hands over status, headers, attempts and time, without changing the result", async () => {
    let calls = 0;
    const infos: DixaResponseInfo[] = [];
    const notes = await withClient(
      (_q, response) => {
        if (calls++ === 0) return sendJson(response, 503, { message: "busy" });
        sendJson(
          response,
          200,
          { data: [{ id: "n" }] },
          { "x-request-id": "req-1", "x-echo": testApiKey },
        );
      },
      (client) => client.notes.list(1, { onResponse: (info) => infos.push(info) }),
    );
    expect(notes).toEqual([{ id: "n" }]);
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({
      status: 200,
      method: "GET",
      pathTemplate: "/beta/conversations/{conversationId}/notes",
      path: "/beta/conversations/1/notes",
      attempts: 2,
    });
    expect(infos[0]!.durationMs).toBeGreaterThan(0);
    expect(infos[0]!.headers.get("x-request-id")).toBe("req-1");
    expect(infos[0]!.headers.get("x-echo")).toBe("[redacted]");
  });

  it("is called once per page of a paged list", async () => {
    const statuses: number[] = [];
    await withClient(
      (request, response) =>
        sendJson(
          response,
          200,
          request.url.includes("pageKey")
            ? { data: [{ id: "b" }] }
            : { data: [{ id: "a" }], meta: { next: "/beta/agents?pageKey=p2" } },
        ),
      (client) =>
        client.agents.list({}, { onResponse: (info) => statuses.push(info.status) }).toArray(),
    );
    expect(statuses).toEqual([200, 200]);
  });

  it("a DixaApiError carries the exchange as error.response", async () => {
    const error = (await withClient(
      (_q, response) =>
        sendJson(response, 404, { message: "no such conversation" }, { "x-request-id": "req-9" }),
      (client) => client.notes.list(1).catch((e: unknown) => e),
    )) as DixaApiError;
    expect(error).toBeInstanceOf(DixaApiError);
    expect(error.response).toMatchObject({ status: 404, attempts: 1, method: "GET" });
    expect(error.response!.headers.get("x-request-id")).toBe("req-9");
  });
});
