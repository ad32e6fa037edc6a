/**
 * Redirects, counted where they count: at a loopback server (issue 19.3). The client follows a
 * redirect itself, each request one limiter admission, at most 3 hops; a redirect to another
 * origin is never followed, so neither the token, a per-call header nor the body goes there.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DixaRedirectError, RateLimiter, type DixaError, type RateLimit } from "../../src/index.js";
import { maxInWindow } from "../support/dixa-rate-limit.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { clientFor, testApiKey } from "../support/test-client.js";

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(handler: Parameters<typeof startLoopbackServer>[0]) {
  const started = await startLoopbackServer(handler);
  servers.push(started);
  return started;
}

/** A limiter that counts what it lets through, around the client's own. */
function counting(inner: RateLimit): RateLimit & { admitted: number } {
  const counter = {
    admitted: 0,
    acquire: async (signal?: AbortSignal) => {
      const granted = await inner.acquire(signal);
      counter.admitted++;
      return granted;
    },
  };
  return counter;
}

/** Answers every `/beta/...` path with a 308 to the same path under `/moved`, which answers 200. */
const movedOnce = (arrivals: number[]) =>
  server((request, response) => {
    arrivals.push(performance.now());
    if (request.url.startsWith("/moved/")) return sendJson(response, 200, { data: [] });
    response.writeHead(308, { location: `/moved${request.url}` }).end();
  });

describe("same-origin redirects", () => {
  it("each hop is one limiter admission, and Dixa's rule holds at the server", async () => {
    const arrivals: number[] = [];
    const target = await movedOnce(arrivals);
    const limiter = counting(new RateLimiter());
    const client = clientFor(target, { rateLimit: limiter });
    const notes = await Promise.all(Array.from({ length: 16 }, () => client.notes.list(1)));
    expect(notes.every((list) => Array.isArray(list) && list.length === 0)).toBe(true);
    // 16 calls, each a request and its redirect: 32 arrivals, each let through by the limiter.
    expect(target.requests).toHaveLength(32);
    expect(limiter.admitted).toBe(32);
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(10);
  });

  it("a 308 keeps the method, the body and the call's headers", async () => {
    const target = await server((request, response) => {
      if (request.url.startsWith("/moved/")) {
        return sendJson(response, 201, { data: { id: "n1", message: "hi" } });
      }
      response.writeHead(308, { location: `/moved${request.url}` }).end();
    });
    const note = await clientFor(target).notes.create(
      1,
      { message: "hi" },
      { headers: { "x-trace": "t-1" } },
    );
    expect(note).toEqual({ id: "n1", message: "hi" });
    const [first, second] = target.requests;
    expect(second).toMatchObject({ method: "POST", url: "/moved/beta/conversations/1/notes" });
    expect(second!.body).toBe(first!.body);
    expect(second!.headers).toMatchObject({ "x-trace": "t-1", authorization: testApiKey });
  });

  it("a 303 after a POST is followed with a GET and no body", async () => {
    const target = await server((request, response) => {
      if (request.url === "/done") return sendJson(response, 200, { data: { id: "n1" } });
      response.writeHead(303, { location: "/done" }).end();
    });
    await clientFor(target).notes.create(1, { message: "hi" });
    expect(target.requests[1]).toMatchObject({ method: "GET", url: "/done", body: "" });
    expect(target.requests[1]!.headers["content-type"]).toBeUndefined();
  });

  it("a redirect loop stops after 3 hops: 4 requests reach the server, all admitted", async () => {
    const target = await server((request, response) => {
      response.writeHead(307, { location: request.url }).end();
    });
    const limiter = counting(new RateLimiter());
    const error = (await clientFor(target, { rateLimit: limiter })
      .notes.list(1)
      .catch((e: unknown) => e)) as DixaError;
    expect(error).toBeInstanceOf(DixaRedirectError);
    expect(error.message).toMatch(/one redirect more than the 3 the client follows/);
    expect(target.requests).toHaveLength(4);
    expect(limiter.admitted).toBe(4);
  });

  it("client.raw follows them the same way", async () => {
    const arrivals: number[] = [];
    const target = await movedOnce(arrivals);
    const limiter = counting(new RateLimiter());
    const { data, response } = await clientFor(target, { rateLimit: limiter }).raw.GET(
      "/beta/conversations/{conversationId}/notes",
      { params: { path: { conversationId: 1 } } },
    );
    expect(response.status).toBe(200);
    expect(data).toEqual({ data: [] });
    expect(limiter.admitted).toBe(2);
  });
});

describe("a redirect to another origin", () => {
  it.each([307, 308, 302])(
    "%i is an error naming the target origin; nothing reaches it",
    async (status) => {
      const elsewhere = await server((_request, response) => sendJson(response, 200, { data: {} }));
      const origin = await server((request, response) => {
        response.writeHead(status, { location: `${elsewhere.url}${request.url}` }).end();
      });
      const error = (await clientFor(origin)
        .notes.create(1, { message: "private text" }, { headers: { "x-custom": "secret-ish" } })
        .catch((e: unknown) => e)) as DixaRedirectError;
      expect(error).toBeInstanceOf(DixaRedirectError);
      expect(error).toMatchObject({ kind: "redirect", status, targetOrigin: elsewhere.url });
      expect(error.message).toContain(`a redirect to another origin, ${elsewhere.url}`);
      expect(error.attempts).toBe(1);
      expect(origin.requests).toHaveLength(1);
      expect(elsewhere.requests).toHaveLength(0);
    },
  );

  it("is refused for client.raw too, with its custom headers", async () => {
    const elsewhere = await server((_request, response) => sendJson(response, 200, { data: {} }));
    const origin = await server((_request, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/beta/organization` }).end();
    });
    const error = await clientFor(origin)
      .raw.GET("/beta/organization", { headers: { "x-custom": "secret-ish" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaRedirectError);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("an https origin redirecting to http on the same host is another origin", async () => {
    // The client is pointed at the server through an injected fetch that answers as if from
    // https, so the downgrade is the only difference.
    const seen: string[] = [];
    const client = clientFor(
      { url: "https://dixa.example", requests: [], close: async () => {} },
      {
        fetch: async (request) => {
          seen.push(request.url);
          return new Response(null, {
            status: 301,
            headers: { location: "http://dixa.example/beta/organization" },
          });
        },
      },
    );
    const error = await client.organization.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaRedirectError);
    expect((error as DixaRedirectError).targetOrigin).toBe("http://dixa.example");
    expect(seen).toEqual(["https://dixa.example/beta/organization"]);
  });
});
