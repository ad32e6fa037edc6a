/**
 * The limit measured where it counts: at a server in its own process, by the server's clock,
 * with another process keeping a core busy (issue 11.9 and 11.10). Dixa's rule: at most 10
 * arrivals in any rolling second and at most 5 in any rolling 100 ms (a burst of 4 and one
 * refill), never a 429. How close the client gets to the limit is a benchmark figure
 * (`npm run bench`, "limiter at the server"), not asserted here.
 *
 * Each test has a token of its own, and so a limiter of its own and its own arrivals at the
 * server: they run at the same time (their waits overlap), each still checked by the server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDixaClient, RateLimiter } from "../../src/index.js";
import { maxInWindow } from "../support/dixa-rate-limit.js";
import {
  startArrivalServer,
  startCpuHog,
  type ArrivalServer,
} from "../support/separate-processes.js";

let server: ArrivalServer;
let hog: { stop: () => Promise<void> };
beforeAll(async () => {
  server = await startArrivalServer();
  hog = startCpuHog();
});
afterAll(async () => {
  await hog?.stop();
  await server?.stop();
});

async function arrivalsOf(token: string) {
  const report = await server.arrivals();
  return report[token] ?? { accepted: [], rejected: 0 };
}

function expectWithinDixasRule(times: number[]) {
  expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(10);
  expect(maxInWindow(times, 100)).toBeLessThanOrEqual(5);
}

describe.concurrent("client-side rate limiting, checked at a server in its own process", () => {
  it("40 concurrent calls arrive within Dixa's rule and collect no 429", async () => {
    const token = "rate-token-concurrent";
    const client = createDixaClient({ apiKey: token, baseUrl: server.url, retry: false });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => client.notes.list(1)),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const { accepted, rejected } = await arrivalsOf(token);
    expect(rejected).toBe(0);
    expect(accepted).toHaveLength(40);
    expectWithinDixasRule(accepted);
  });

  it.each([
    [
      "one with its key in stray whitespace share the limiter of the key trimmed",
      "rate-token-trimmed",
      { apiKey: "  rate-token-trimmed\n" },
      24,
      { perSecond: 10, per100ms: 5 },
    ],
    [
      "share one limiter however their settings are spelled",
      "rate-token-spelled",
      { rateLimit: { requestsPerSecond: 10, burst: 4 } },
      30,
      { perSecond: 10, per100ms: 5 },
    ],
    [
      "with different limits keep the smaller one together",
      "rate-token-different",
      { rateLimit: { requestsPerSecond: 5, burst: 2 } },
      16,
      { perSecond: 5, per100ms: 2 },
    ],
  ] as const)("two clients of one token %s", async (_how, token, other, calls, limit) => {
    const options = { apiKey: token, baseUrl: server.url, retry: false } as const;
    const plain = createDixaClient(options);
    const second = createDixaClient({ ...options, ...other });
    await Promise.all(
      Array.from({ length: calls }, (_, i) => (i % 2 ? plain : second).notes.list(1)),
    );
    const { accepted, rejected } = await arrivalsOf(token);
    expect(rejected).toBe(0);
    expect(accepted).toHaveLength(calls);
    expect(maxInWindow(accepted, 1000)).toBeLessThanOrEqual(limit.perSecond);
    expect(maxInWindow(accepted, 100)).toBeLessThanOrEqual(limit.per100ms);
  });

  it("an explicit RateLimiter is used as given, and limiting can be turned off", async () => {
    const token = "rate-token-explicit";
    const limiter = new RateLimiter({ requestsPerSecond: 5, burst: 2, jitterAllowanceMs: 0 });
    const slow = createDixaClient({
      apiKey: token,
      baseUrl: server.url,
      rateLimit: limiter,
      retry: false,
    });
    await Promise.all(Array.from({ length: 8 }, () => slow.notes.list(1)));
    const explicit = await arrivalsOf(token);
    expect(maxInWindow(explicit.accepted, 1000)).toBeLessThanOrEqual(5);
    expect(maxInWindow(explicit.accepted, 100)).toBeLessThanOrEqual(2);

    const unlimitedToken = "rate-token-unlimited";
    const unlimited = createDixaClient({
      apiKey: unlimitedToken,
      baseUrl: server.url,
      rateLimit: false,
      retry: false,
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => unlimited.notes.list(1)),
    );
    expect(outcomes.some((o) => o.status === "rejected")).toBe(true);
    expect((await arrivalsOf(unlimitedToken)).rejected).toBeGreaterThan(0);
  });

  it("lanes and clients taking turns keep the rule, and interactive calls go first", async () => {
    const token = "rate-token-lanes";
    const sync = createDixaClient({
      apiKey: token,
      baseUrl: server.url,
      retry: false,
      priority: "background",
    });
    const agent = createDixaClient({ apiKey: token, baseUrl: server.url, retry: false });
    const done: string[] = [];
    const call = (label: string, promise: Promise<unknown>) => promise.then(() => done.push(label));
    const backlog = Array.from({ length: 24 }, (_, i) => call(`b${i}`, sync.notes.list(1)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const clicks = Array.from({ length: 4 }, (_, i) =>
      call(`i${i}`, agent.notes.list(1, { priority: "interactive" })),
    );
    await Promise.all([...backlog, ...clicks]);
    const { accepted, rejected } = await arrivalsOf(token);
    expect(rejected).toBe(0);
    expect(accepted).toHaveLength(28);
    expectWithinDixasRule(accepted);
    // Asked for after the whole backlog, the interactive calls did not wait for it.
    const lastClick = Math.max(...["i0", "i1", "i2", "i3"].map((label) => done.indexOf(label)));
    expect(lastClick).toBeLessThan(done.length - 10);
  });

  it("rejects nonsense settings with a clear error", () => {
    expect(() => new RateLimiter({ requestsPerSecond: 0 })).toThrow(
      /requestsPerSecond must be a positive number/,
    );
    expect(() => new RateLimiter({ burst: 1.5 })).toThrow(/burst must be a positive integer/);
    expect(() => new RateLimiter({ transitAllowanceMs: -1 })).toThrow(
      /transitAllowanceMs must be a non-negative number/,
    );
    expect(() => new RateLimiter({ networkAllowanceMs: Number.NaN })).toThrow(
      /networkAllowanceMs must be a non-negative number/,
    );
    expect(() => createDixaClient({ apiKey: "lane-key", priority: "urgent" as never })).toThrow(
      /createDixaClient: `priority` must be one of "interactive", "normal", "background"/,
    );
  });
});
