import { afterEach, describe, expect, it } from "vitest";
import { createDixaClient, RateLimiter } from "../../src/index.js";
import { DixaLimitEnforcer, maxInWindow } from "../support/dixa-rate-limit.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function limitedServer() {
  const enforcer = new DixaLimitEnforcer(10, 4);
  server = await startLoopbackServer((_request, response) => {
    if (enforcer.admit()) sendJson(response, 200, { data: [] });
    else sendJson(response, 429, { message: "Too Many Requests" });
  });
  return { enforcer, url: server.url };
}

describe("client-side rate limiting (default: Dixa's 10 requests/s, burst 4)", () => {
  it("40 requests fired at once arrive within the limit and collect no 429", async () => {
    const { enforcer, url } = await limitedServer();
    // A token used by no other test, so this client gets a limiter of its own.
    const client = createDixaClient({ apiKey: "rate-test-token-1", baseUrl: url, retry: false });
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => client.notes.list(1)),
    );
    const elapsed = performance.now() - started;

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(enforcer.rejected).toBe(0);
    const times = enforcer.accepted;
    expect(times).toHaveLength(40);
    // No more than 10 in any second and bursts of at most 4, measured where the requests
    // arrive: the windows are shortened by 50 ms for scheduling jitter in this busy test process.
    expect(maxInWindow(times, 950)).toBeLessThanOrEqual(10);
    expect(maxInWindow(times, 50)).toBeLessThanOrEqual(4);
    // ...and yet not much slower than the limit allows: 40 at 10/s is about 3.7 s of waiting.
    expect(elapsed).toBeGreaterThan(3_000);
    expect(elapsed).toBeLessThan(5_500);
    const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(rate).toBeLessThanOrEqual(11);
    expect(rate).toBeGreaterThan(9);
  });

  it("clients that share a token share the limit", async () => {
    const { enforcer, url } = await limitedServer();
    const a = createDixaClient({ apiKey: "rate-test-token-2", baseUrl: url, retry: false });
    const b = createDixaClient({ apiKey: "rate-test-token-2", baseUrl: url, retry: false });
    await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).notes.list(1)));
    expect(enforcer.rejected).toBe(0);
    expect(maxInWindow(enforcer.accepted, 50)).toBeLessThanOrEqual(4);
  });

  it("a shared RateLimiter can be passed explicitly, and limiting can be turned off", async () => {
    const { enforcer, url } = await limitedServer();
    const limiter = new RateLimiter({ requestsPerSecond: 5, burst: 2, jitterAllowanceMs: 0 });
    const slow = createDixaClient({ apiKey: "k3", baseUrl: url, rateLimit: limiter, retry: false });
    const started = performance.now();
    await Promise.all(Array.from({ length: 4 }, () => slow.notes.list(1)));
    // 2 at once, then one every 200 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);

    const unlimited = createDixaClient({
      apiKey: "k4",
      baseUrl: url,
      rateLimit: false,
      retry: false,
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => unlimited.notes.list(1)),
    );
    expect(outcomes.some((o) => o.status === "rejected")).toBe(true);
    expect(enforcer.rejected).toBeGreaterThan(0);
  });

  it("rejects nonsense settings with a clear error", () => {
    expect(() => new RateLimiter({ requestsPerSecond: 0 })).toThrow(
      /requestsPerSecond must be a positive number/,
    );
    expect(() => new RateLimiter({ burst: 1.5 })).toThrow(/burst must be a positive integer/);
  });
});
