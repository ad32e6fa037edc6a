/**
 * Options are checked once, fully, at construction (and per call for per-call options): issue
 * 11.2 and 11.4. No message echoes a value that may be the token.
 */
import { describe, expect, it } from "vitest";
import { createDixaClient } from "../../src/index.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";

const key = "dixa-options-SECRET-7c1d";

describe("apiKey and userAgent", () => {
  it("a key read from a file (trailing newline, spaces) is trimmed before it is sent or redacted", async () => {
    const server = await startLoopbackServer((request, response) =>
      sendJson(response, 401, { message: `bad token ${request.headers["authorization"]}` }),
    );
    try {
      const client = createDixaClient({
        apiKey: `  ${key}  \n`,
        baseUrl: server.url,
        rateLimit: false,
      });
      const error = (await client.notes.list(1).catch((e: unknown) => e)) as Error;
      expect(server.requests[0]!.headers["authorization"]).toBe(key);
      expect(error.message).toContain("bad token [redacted]");
      expect(`${error.message} ${error.stack}`).not.toContain(key);
    } finally {
      await server.close();
    }
  });

  it.each([
    ["apiKey", "CR", { apiKey: `${key}\rX-Injected: 1` }],
    ["apiKey", "LF", { apiKey: `${key}\nX-Injected: 1` }],
    ["apiKey", "NUL", { apiKey: `${key}\0` + "x" }],
    ["apiKey", "a control character", { apiKey: `${key}\u0007x` }],
    ["apiKey", "a character beyond Latin-1", { apiKey: `${key}\u2028x` }],
    ["userAgent", "CR LF", { apiKey: key, userAgent: `my-app\r\nX-Injected: ${key}` }],
    ["userAgent", "NUL", { apiKey: key, userAgent: "my-app\0" + "x" }],
  ])("%s with %s is a TypeError naming the option, not echoing it", (option, _what, options) => {
    let error: unknown;
    try {
      createDixaClient(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain(`\`${option}\``);
    expect(String(error)).toMatch(/a character an HTTP header cannot carry/);
    expect(String(error)).not.toContain(key);
    expect(String(error)).not.toContain("X-Injected");
  });

  it("an unknown option is a TypeError listing the known ones", () => {
    expect(() => createDixaClient({ apiKey: key, timeout: 5000 } as never)).toThrow(
      /unknown option `timeout` \(known: apiKey, baseUrl/,
    );
  });
});

describe("timeoutMs", () => {
  it.each([
    ["3e9 (Node would clamp it to 1 ms)", 3e9],
    ["2^31", 2 ** 31],
    ["0", 0],
    ["a negative number", -5],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["a string", "1000"],
  ])("%s on the client is a TypeError", (_name, timeoutMs) => {
    expect(() => createDixaClient({ apiKey: key, timeoutMs: timeoutMs as number })).toThrow(
      /`timeoutMs` must be a number of milliseconds from 1 to 2147483647/,
    );
  });

  it("the largest timer Node keeps is accepted", () => {
    expect(() => createDixaClient({ apiKey: key, timeoutMs: 2_147_483_647 })).not.toThrow();
  });

  it.each([
    ["3e9", 3e9],
    ["0", 0],
    ["NaN", NaN],
  ])("%s per call is a TypeError before anything is sent", async (_name, timeoutMs) => {
    await expectRefusedBeforeSending([
      "notes.list",
      "async",
      (client) => client.notes.list(1, { timeoutMs }),
      /options\.timeoutMs must be a number of milliseconds from 1 to 2147483647/,
    ]);
    await expectRefusedBeforeSending([
      "agents.list",
      "paged",
      (client) => client.agents.list({}, { timeoutMs }),
      /options\.timeoutMs must be/,
    ]);
  });

  it("an unknown per-call option is a TypeError", async () => {
    await expectRefusedBeforeSending([
      "notes.list",
      "async",
      (client) => client.notes.list(1, { timeout: 5 } as never),
      /unknown option `timeout`/,
    ]);
  });
});

describe("baseUrl", () => {
  it.each([
    ["a query", "https://dev.dixa.io?x=1", /it has a query/],
    ["an empty query", "https://dev.dixa.io/?", /it has a query/],
    ["a fragment", "https://dev.dixa.io/#top", /it has a fragment/],
    ["credentials", "https://user:pass@dev.dixa.io", /it holds credentials/],
    ["another scheme", "ftp://dev.dixa.io", /not http or https/],
    ["no scheme", "dev.dixa.io", /does not parse as a URL/],
  ])("with %s is a TypeError", (_name, baseUrl, reason) => {
    expect(() => createDixaClient({ apiKey: key, baseUrl })).toThrow(TypeError);
    expect(() => createDixaClient({ apiKey: key, baseUrl })).toThrow(reason);
  });

  it("a path prefix is kept and trailing slashes are dropped", async () => {
    const server = await startLoopbackServer((_q, response) =>
      sendJson(response, 200, { data: [] }),
    );
    try {
      const client = createDixaClient({
        apiKey: key,
        baseUrl: `${server.url}/proxy/dixa//`,
        rateLimit: false,
      });
      await client.notes.list(1);
      expect(server.requests[0]!.url).toBe("/proxy/dixa/beta/conversations/1/notes");
    } finally {
      await server.close();
    }
  });
});

describe("list queries", () => {
  it.each([
    ["a string", "pageLimit=10", /query must be an object/],
    ["an array", [], /query must be an object/],
    ["a Map", new Map([["pageLimit", 10]]), /query must be a plain object, got an instance of Map/],
    ["pageLimit 0", { pageLimit: 0 }, /query\.pageLimit must be a positive integer/],
    ["pageLimit 1.5", { pageLimit: 1.5 }, /query\.pageLimit must be a positive integer/],
    ["pageLimit as text", { pageLimit: "10" }, /query\.pageLimit must be a positive integer/],
  ])("agents.list with %s is a TypeError at the call", async (_name, query, message) => {
    await expectRefusedBeforeSending([
      "agents.list",
      "paged",
      (client) => client.agents.list(query as never),
      message,
    ]);
  });

  it("search pages hold at most 50 results, as Dixa documents", async () => {
    await expectRefusedBeforeSending([
      "search.conversations",
      "paged",
      (client) => client.search.conversations({}, { pageLimit: 51 }),
      /query\.pageLimit must be at most 50 for this operation/,
    ]);
    await expectRefusedBeforeSending([
      "search.conversationsByQuery",
      "paged",
      (client) => client.search.conversationsByQuery({ query: "refund", pageLimit: 51 }),
      /query\.pageLimit must be at most 50/,
    ]);
  });
});
