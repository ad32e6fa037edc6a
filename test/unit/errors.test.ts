import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  DixaAbortError,
  DixaApiError,
  DixaError,
  DixaMalformedResponseError,
  DixaNetworkError,
  DixaTimeoutError,
  createDixaClient,
  isDixaApiError,
} from "../../src/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor, testApiKey } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<DixaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DixaError);
  return error as DixaError;
}

function expectNoKey(error: unknown) {
  for (const rendering of [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ]) {
    expect(rendering).not.toContain(testApiKey);
  }
}

describe("error mapping", () => {
  it("a JSON error body gives the server's message", async () => {
    server = await startLoopbackServer((_q, response) =>
      sendJson(response, 400, { message: "Invalid value for: body" }),
    );
    const error = await failure(clientFor(server).notes.create(1, { message: "x" }));
    expect(isDixaApiError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: "api",
      status: 400,
      serverMessage: "Invalid value for: body",
      attempts: 1,
    });
    expectNoKey(error);
  });

  it("an HTML error page falls back to the status text and keeps the text as body", async () => {
    server = await startLoopbackServer((_q, response) => {
      response.writeHead(502, "Bad Gateway", { "content-type": "text/html" });
      response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    const error = (await failure(
      clientFor(server, { retry: false }).notes.list(1),
    )) as DixaApiError;
    expect(error.status).toBe(502);
    expect(error.serverMessage).toBe("Bad Gateway");
    expect(error.body).toContain("<h1>502 Bad Gateway</h1>");
  });

  it("an empty error body falls back to the status text", async () => {
    server = await startLoopbackServer((_q, response) => {
      response.writeHead(503, "Service Unavailable").end();
    });
    const error = (await failure(
      clientFor(server, { retry: false }).notes.list(1),
    )) as DixaApiError;
    expect(error).toMatchObject({ status: 503, serverMessage: "Service Unavailable" });
    expect(error.body).toBeUndefined();
  });

  it.each([
    ["in seconds", () => "120", 120],
    ["as an HTTP date", () => new Date(Date.now() + 30_000).toUTCString(), 30],
  ])("Retry-After %s becomes retryAfter in seconds", async (_name, header, seconds) => {
    server = await startLoopbackServer((_q, response) =>
      sendJson(response, 429, { message: "Too many requests" }, { "retry-after": header() }),
    );
    const error = (await failure(
      clientFor(server, { retry: false }).notes.list(1),
    )) as DixaApiError;
    expect(error.status).toBe(429);
    // An HTTP date has whole seconds, so up to one second is lost in the round trip.
    expect(error.retryAfter).toBeGreaterThanOrEqual(seconds - 1);
    expect(error.retryAfter).toBeLessThanOrEqual(seconds);
  });

  it("a 200 with a body that is not JSON is a malformed response", async () => {
    server = await startLoopbackServer((_q, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"data": [');
    });
    const error = await failure(clientFor(server).notes.list(1));
    expect(error).toBeInstanceOf(DixaMalformedResponseError);
    expect(error.message).toMatch(
      /GET \/beta\/conversations\/\{conversationId\}\/notes answered 200 with a body that is not JSON/,
    );
  });

  it("a 200 without the data envelope is a malformed response", async () => {
    server = await startLoopbackServer((_q, response) => sendJson(response, 200, { notes: [] }));
    const error = await failure(clientFor(server).notes.list(1));
    expect(error).toBeInstanceOf(DixaMalformedResponseError);
    expect(error.message).toMatch(/without the `\{ data \}` envelope/);
  });

  it("a refused connection is a network error", async () => {
    const closed = await startLoopbackServer(() => {});
    await closed.close();
    const error = await failure(clientFor(closed, { retry: false }).notes.list(1));
    expect(error).toBeInstanceOf(DixaNetworkError);
    expect(error.message).toMatch(
      /GET \/beta\/conversations\/\{conversationId\}\/notes failed: .*ECONNREFUSED/,
    );
    expectNoKey(error);
  });

  it("a connection reset mid-body is a network error", async () => {
    server = await startLoopbackServer((_q, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      response.write('{"data": [');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const error = await failure(clientFor(server, { retry: false }).notes.list(1));
    expect(error).toBeInstanceOf(DixaNetworkError);
  });

  it("headers that never arrive time out", async () => {
    server = await startLoopbackServer(() => {});
    const started = Date.now();
    const error = await failure(clientFor(server, { timeoutMs: 150, retry: false }).notes.list(1));
    expect(error).toBeInstanceOf(DixaTimeoutError);
    expect(error.message).toMatch(/timed out after 150 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a per-call timeout overrides the client's", async () => {
    server = await startLoopbackServer(() => {});
    const error = await failure(
      clientFor(server, { retry: false }).notes.list(1, { timeoutMs: 100 }),
    );
    expect(error).toMatchObject({ kind: "timeout", timeoutMs: 100 });
  });

  it("a body that stalls half way times out too", async () => {
    server = await startLoopbackServer((_q, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"data": [');
    });
    const error = await failure(clientFor(server, { timeoutMs: 150, retry: false }).notes.list(1));
    expect(error).toBeInstanceOf(DixaTimeoutError);
  });

  it("the caller's AbortSignal cancels a request in flight", async () => {
    server = await startLoopbackServer(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(clientFor(server).notes.list(1, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DixaAbortError);
  });

  it("an already aborted signal sends nothing", async () => {
    server = await startLoopbackServer((_q, response) => sendJson(response, 200, { data: [] }));
    const error = await failure(clientFor(server).notes.list(1, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(DixaAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("a server echoing the token back does not put it in the error", async () => {
    server = await startLoopbackServer((request, response) =>
      sendJson(response, 401, {
        message: `Unknown token ${request.headers["authorization"]}`,
        token: request.headers["authorization"],
      }),
    );
    const error = (await failure(clientFor(server).notes.list(1))) as DixaApiError;
    expect(error.serverMessage).toBe("Unknown token [redacted]");
    expectNoKey(error);
  });
});

describe("createDixaClient options", () => {
  it.each([
    ["missing", {}],
    ["blank", { apiKey: "   " }],
    ["not a string", { apiKey: 42 }],
  ])("a %s apiKey is a TypeError naming the option", (_name, options) => {
    expect(() => createDixaClient(options as never)).toThrow(TypeError);
    expect(() => createDixaClient(options as never)).toThrow(/`apiKey` option is required/);
  });

  it("never echoes the value it was given", () => {
    const secretish = { apiKey: 123456789 };
    try {
      createDixaClient(secretish as never);
    } catch (error) {
      expect(String(error)).not.toContain("123456789");
    }
  });

  it("refuses a baseUrl that is not http(s)", () => {
    expect(() => createDixaClient({ apiKey: "k", baseUrl: "dev.dixa.io" })).toThrow(
      /`baseUrl` must be an http\(s\) URL/,
    );
  });

  it("keeps the key out of the client object", () => {
    const client = createDixaClient({ apiKey: testApiKey });
    expect(inspect(client, { depth: 20, showHidden: true })).not.toContain(testApiKey);
  });
});

describe("errors that say where and why (issue 20.3)", () => {
  it("names the method and the path as sent, base path included, and Dixa's explanation", async () => {
    server = await startLoopbackServer((_q, response) =>
      sendJson(response, 404, { message: "Conversation 4711 not found" }),
    );
    const client = clientFor(server, { baseUrl: `${server.url}/dixa-proxy` });
    const error = (await failure(client.notes.list(4711))) as DixaApiError;
    expect(error.message).toBe(
      "Dixa answered 404 to GET /dixa-proxy/beta/conversations/4711/notes: Conversation 4711 not found",
    );
    expect(error).toMatchObject({
      pathTemplate: "/beta/conversations/{conversationId}/notes",
      path: "/beta/conversations/4711/notes",
    });
  });

  it("takes the explanation from a plain-text body, on one line, truncated", async () => {
    const explanation = `No route for this path.\nCheck the URL. ${"x".repeat(400)}`;
    server = await startLoopbackServer((_q, response) => {
      response.writeHead(404, "Not Found", { "content-type": "text/plain" });
      response.end(explanation);
    });
    const error = (await failure(clientFor(server).organization.get())) as DixaApiError;
    expect(error.serverMessage).toBe(explanation);
    expect(error.message).toMatch(
      /^Dixa answered 404 to GET \/beta\/organization: No route for this path\. Check the URL\. x+…$/,
    );
    expect(error.message.length).toBeLessThan(360);
  });

  it.each([
    ["an `error` string", { error: "invalid_token" }, "invalid_token"],
    ["an `error.message`", { error: { message: "Agent is archived" } }, "Agent is archived"],
  ])("reads %s", async (_name, body, expected) => {
    server = await startLoopbackServer((_q, response) => sendJson(response, 400, body));
    const error = (await failure(clientFor(server).organization.get())) as DixaApiError;
    expect(error.serverMessage).toBe(expected);
  });

  it("removes the token from the path named", async () => {
    server = await startLoopbackServer((_q, response) => sendJson(response, 404, {}));
    const articleId = "6b0e4f4e-3c1e-4c8f-9a53-1f0c6a3c2d11";
    const error = await failure(
      clientFor(server).knowledge.deleteTranslation(articleId, testApiKey),
    );
    expect(error.message).toBe(
      `Dixa answered 404 to DELETE /beta/knowledge/articles/${articleId}/translations/[redacted]: Not Found`,
    );
  });

  it.each([
    "https://dev.dixa.io/beta",
    "https://dev.dixa.io/beta/",
    "https://proxy.example/dixa/beta",
  ])("a baseUrl ending in /beta (%s) is a TypeError saying to drop it", (baseUrl) => {
    expect(() => createDixaClient({ apiKey: "k", baseUrl })).toThrow(TypeError);
    expect(() => createDixaClient({ apiKey: "k", baseUrl })).toThrow(
      new RegExp(
        `must not end in /beta.*pass ${baseUrl.replace(/\/beta\/?$/, "").replace(/\./g, "\\.")}$`,
      ),
    );
  });

  it("a baseUrl with /beta inside its path is fine", () => {
    expect(() =>
      createDixaClient({ apiKey: "k", baseUrl: "https://beta.example/betas" }),
    ).not.toThrow();
  });
});
