/**
 * The Redis limiter in one process against a real redis-server, with both Redis libraries:
 * the rule, settle, abort, lanes and turns between limiters (as two processes would hold),
 * separate budgets per token, what reaches Redis and how often, and what happens when Redis goes
 * away and comes back. Timing checks are lower bounds the rule guarantees, never upper bounds a
 * busy machine could miss; who goes first is checked by order.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, test } from "vitest";
import {
  createRedisRateLimiter,
  type RedisRateLimitEvent,
  type RedisRateLimiter,
} from "../../src/redis/index.js";
import { createDixaClient, DixaAbortError } from "../../src/index.js";
import type { RateLimitPriority } from "../../src/http/rate-limit.js";
import { tokenKeys } from "../../src/redis/token-keys.js";
import { sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { tokenEncodings } from "../support/token-encodings.js";
import { connectRedis, redisLibraries, type ConnectedRedis } from "../support/redis-clients.js";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server.js";

let redisServer: RedisServer;
/** For looking at the record directly. */
let inspect: Redis;
const opened: ConnectedRedis[] = [];

beforeAll(async () => {
  redisServer = await startRedisServer();
  inspect = new Redis(redisServer.url);
});

afterAll(async () => {
  for (const connection of opened) await connection.close();
  inspect?.disconnect();
  await redisServer?.stop();
});

let tokens = 0;
const freshToken = () => `redis-limiter-test-token-${process.pid}-${++tokens}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Calls through the limiter until it has found Redis again (it probes while it has callers). */
async function untilBackOnRedis(limiter: RedisRateLimiter) {
  await until(
    "the limiter to find Redis again",
    async () => {
      (await limiter.acquire()).settle();
      return limiter.mode === "redis";
    },
    15_000,
  );
}

// The two libraries' tests run side by side (each library's one after another): they share
// nothing but the redis-server, and those that flush, block or stop a Redis have one of their
// own.
describe.concurrent.each(redisLibraries)("with %s", (library) => {
  // One test after another within a library.
  const it = test.sequential;
  async function limiterFor(
    apiKey: string,
    extra: Partial<Parameters<typeof createRedisRateLimiter>[0]> = {},
  ) {
    const connection = await connectRedis(library, redisServer.url);
    opened.push(connection);
    return createRedisRateLimiter({ redis: connection.client, apiKey, workers: 4, ...extra });
  }

  /** A limiter on a redis-server of the test's own, which the test may flush or block. */
  async function onOwnRedis(
    extra: Partial<Parameters<typeof createRedisRateLimiter>[0]>,
    test: (own: RedisServer, limiter: RedisRateLimiter) => Promise<void>,
  ) {
    const own = await startRedisServer();
    const connection = await connectRedis(library, own.url);
    try {
      const options = { redis: connection.client, apiKey: freshToken(), workers: 4, ...extra };
      await test(own, createRedisRateLimiter(options));
    } finally {
      await connection.close();
      await own.stop();
    }
  }

  it("lets three through at once, then one per 100 ms (burst 4, one kept for jitter)", async () => {
    const limiter = await limiterFor(freshToken());
    const started = performance.now();
    const grantedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const ticket = await limiter.acquire();
        grantedAt.push(performance.now() - started);
        ticket.settle();
      }),
    );
    grantedAt.sort((a, b) => a - b);
    // The fourth waits for the bucket to refill: at least 100 ms after the first three.
    expect(grantedAt[3]! - grantedAt[2]!).toBeGreaterThanOrEqual(90);
    expect(grantedAt[4]! - grantedAt[0]!).toBeGreaterThanOrEqual(190);
    expect(grantedAt[5]! - grantedAt[0]!).toBeGreaterThanOrEqual(290);
    expect(limiter.queued).toBe(0);
    expect(limiter.mode).toBe("redis");
  });

  it("records each request until its answer; the answer rides along with the next step", async () => {
    const apiKey = freshToken();
    const limiter = await limiterFor(apiKey);
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const before = await redisTime();
    const ticket = await limiter.acquire();
    const after = await redisTime();
    const recorded = await zrange(keys.sent);
    expect(recorded).toHaveLength(1);
    const [id, score] = recorded[0]!;
    // Counted as arriving transitAllowanceMs (1,000 ms) after Redis let it through, which
    // happened between the two readings of Redis's clock (bounds that hold on a busy machine),
    // in whole milliseconds rounded up.
    expect(score).toBeGreaterThanOrEqual(before + 1_000);
    expect(score).toBeLessThanOrEqual(Math.ceil(after + 1_000));
    ticket.settle();
    ticket.settle(); // twice is harmless
    await sleep(20);
    // Nobody else waits: the answer costs no round trip of its own.
    expect(await zscore(keys.sent, id)).toBe(score);
    (await limiter.acquire()).settle();
    const lowered = await zscore(keys.sent, id);
    expect(lowered).toBeLessThan(score);
    expect(lowered).toBeGreaterThanOrEqual(score - 1_000);
  });

  it("tells Redis of an answer at once when callers of another process wait", async () => {
    const apiKey = freshToken();
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const a = await limiterFor(apiKey);
    const b = await limiterFor(apiKey);
    const burst = await Promise.all([a.acquire(), a.acquire(), a.acquire()]);
    const recorded = await zrange(keys.sent);
    const waiting = [b.acquire()];
    await until("b's caller to queue", async () => (await inspect.zcard(keys.lanes)) === 1);
    // A's next step sees b's caller waiting.
    waiting.push(a.acquire());
    await until("a's caller to queue", async () => (await inspect.zcard(keys.lanes)) === 2);
    burst[0]!.settle();
    await until("the answer to reach Redis", async () => {
      const now = await zrange(keys.sent);
      return recorded.some(([id, score]) => now.find(([other]) => other === id)![1] < score);
    });
    for (const ticket of burst) ticket.settle();
    for (const ticket of await Promise.all(waiting)) ticket.settle();
  });

  it("counts a request that Node's fetch reports as sent only networkAllowanceMs longer", async () => {
    const apiKey = freshToken();
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const limiter = await limiterFor(apiKey, {
      // Only the departure can bring its latest arrival below this.
      transitAllowanceMs: 60_000,
      networkAllowanceMs: 0,
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const http = await startLoopbackServer(async (_request, response) => {
      await released;
      sendJson(response, 200, { data: {} });
    });
    try {
      const ticket = await limiter.acquire();
      const [[id, score]] = (await zrange(keys.sent)) as [[string, number]];
      const answer = ticket.dispatch!(() => fetch(`${http.url}/held`));
      await until("the request to arrive", () => http.requests.length === 1);
      // The next step carries what the process learned; the answer is still held.
      (await limiter.acquire()).settle();
      expect(await zscore(keys.sent, id)).toBeLessThan(score - 50_000);
      release();
      await answer;
      ticket.settle();
    } finally {
      release();
      await http.close();
    }
  });

  it("a caller that aborts while waiting is rejected with its reason and leaves the queue", async () => {
    const apiKey = freshToken();
    const limiter = await limiterFor(apiKey);
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const first = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await until(
      "the waiter to join the shared queue",
      async () => (await inspect.zcard(keys.lanes)) === 1,
    );
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await until(
      "the queue to be empty",
      async () => (await inspect.zcard(keys.lanes)) === 0,
      3_000,
    );
    expect(limiter.queued).toBe(0);
    // An already aborted signal never queues.
    await expect(limiter.acquire(AbortSignal.abort("late"))).rejects.toBe("late");
    // The next caller is not held up by the one that left.
    for (const ticket of first) ticket.settle();
    const next = await limiter.acquire();
    next.settle();
    expect(await inspect.zcard(keys.sent)).toBe(4);
  });

  it("two tokens on one Redis do not share a budget", async () => {
    const busy = await limiterFor(freshToken());
    const other = await limiterFor(freshToken());
    const busyTickets = Array.from({ length: 8 }, () => busy.acquire());
    await sleep(20);
    expect(busy.queued).toBeGreaterThan(0);
    const otherTickets = await Promise.all([other.acquire(), other.acquire(), other.acquire()]);
    // The other token's burst went through while the busy one still had callers waiting.
    expect(otherTickets.every((t) => t.waitedMs < 90)).toBe(true);
    expect(busy.queued).toBeGreaterThan(0);
    for (const ticket of [...(await Promise.all(busyTickets)), ...otherTickets]) ticket.settle();
  });

  /**
   * Two limiters on one token (as two processes): the first takes the burst, then callers queue
   * as `plan` says, each in the shared queue before the next; resolves with who went in what
   * order. Every ticket is settled as it is granted.
   */
  async function servedOrder(
    plan: [which: "a" | "b", label: string, priority?: RateLimitPriority][],
  ) {
    const apiKey = freshToken();
    const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
    const limiters = { a: await limiterFor(apiKey), b: await limiterFor(apiKey) };
    const burst = await Promise.all([1, 2, 3].map(() => limiters.a.acquire()));
    const served: string[] = [];
    const pending: Promise<void>[] = [];
    for (const [i, [which, label, priority]] of plan.entries()) {
      const granted = limiters[which].acquire(undefined, priority && { priority });
      pending.push(
        granted.then((ticket) => {
          served.push(label);
          ticket.settle();
        }),
      );
      // Each joins the shared queue before the next arrives.
      await until(`${label} to join the queue`, async () => {
        return (await inspect.zcard(keys.lanes)) + served.length >= i + 1;
      });
    }
    await Promise.all(pending);
    for (const ticket of burst) ticket.settle();
    return served;
  }

  it("callers of two processes take turns instead of one backlog going whole", async () => {
    const served = await servedOrder([
      ...[0, 1, 2, 3, 4, 5].map((i): ["a", string] => ["a", `a${i}`]),
      ...[0, 1, 2].map((i): ["b", string] => ["b", `b${i}`]),
    ]);
    // Turns alternate: a0 b0 a1 b1 a2 b2 a3 a4 a5. A turn left untaken for 50 ms passes to the
    // other process (a stall of this busy test process), which the order may show, but b's
    // last caller never waits for a's whole backlog.
    expect(served).toHaveLength(9);
    expect(served.indexOf("b2")).toBeLessThan(served.indexOf("a4"));
    expect(served.indexOf("b0")).toBeLessThan(served.indexOf("a2"));
  });

  it("an interactive caller of another process goes before background callers that came first", async () => {
    const served = await servedOrder([
      ...[0, 1, 2, 3].map((i): ["a", string, "background"] => ["a", `a${i}`, "background"]),
      ["b", "b-interactive", "interactive"],
      ["b", "b-normal"],
    ]);
    // First, or second when a stall of this process let a's head go meanwhile.
    expect(served.indexOf("b-interactive")).toBeLessThanOrEqual(1);
    expect(served.indexOf("b-normal")).toBeLessThan(served.indexOf("a3"));
  });

  it("sends Redis a hash of the token, never the token, and puts a TTL on every key", async () => {
    const apiKey = `secret-token-${library}-${process.pid}-0123456789abcdef`;
    // On a server of its own: beside the other library's tests, an ioredis MONITOR on the shared
    // server failed ("Command queue state error") in 2 of 3 runs.
    await onOwnRedis({ apiKey: `  ${apiKey}  ` }, async (own, limiter) => {
      const watcher = new Redis(own.url);
      try {
        const monitor = await watcher.monitor();
        const seen: string[] = [];
        monitor.on("monitor", (_time: string, args: string[]) => seen.push(args.join(" ")));
        try {
          const tickets = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
          for (const ticket of tickets) ticket.settle();
          await sleep(100);
        } finally {
          monitor.disconnect();
        }
        const all = seen.join("\n");
        expect(all).toMatch(/evalsha/i);
        for (const encoded of [...tokenEncodings(apiKey), "secret-token"]) {
          expect(all).not.toContain(encoded);
        }
        // Padding around the token is trimmed as the client trims it: same keys.
        const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
        expect(all).toContain(keys.sent);
        // This test's keys, and those the other tests left on the shared server.
        for (const redis of [watcher, inspect]) {
          for (const key of await redis.keys("dixa-beta:rate-limit:*")) {
            const ttl = await redis.pttl(key);
            expect(ttl, key).toBeGreaterThan(0);
            expect(ttl, key).toBeLessThanOrEqual(60_000);
          }
        }
      } finally {
        watcher.disconnect();
      }
    });
  });

  it("holds when Redis lost the record (flushed, as by a restart), and reloads flushed scripts", async () => {
    const events: RedisRateLimitEvent[] = [];
    await onOwnRedis({ onEvent: (event) => events.push(event) }, async (own, limiter) => {
      (await limiter.acquire()).settle();
      const flusher = new Redis(own.url);
      await flusher.flushall();
      await flusher.script("FLUSH");
      flusher.disconnect();
      const started = performance.now();
      const ticket = await limiter.acquire();
      ticket.settle();
      // Requests the lost record held may still be arriving: nothing starts for 2.01 s.
      expect(performance.now() - started).toBeGreaterThanOrEqual(2_000);
      expect(events).toEqual([{ type: "redis-rate-limit-record-lost", holdMs: 2010 }]);
      expect(limiter.mode).toBe("redis");
    });
  });

  it("Redis too slow (busy with a 1.5 s script): falls back after commandTimeoutMs, then returns", async () => {
    const events: RedisRateLimitEvent[] = [];
    const onEvent = (event: RedisRateLimitEvent) => events.push(event);
    const options = { commandTimeoutMs: 300, probeIntervalMs: 300, onEvent };
    await onOwnRedis(options, async (own, limiter) => {
      // Nobody else waits, so the answer is not sent on its own: the next call to Redis is a
      // step.
      (await limiter.acquire()).settle();
      const blocker = new Redis(own.url);
      // Connected first, so the script is written at once and runs before the next step
      // arrives.
      await blocker.ping();
      try {
        // Redis runs one script at a time: every other command waits until this one ends.
        const busy = blocker.eval(
          "local s = redis.call('TIME') local t = s repeat t = redis.call('TIME') until (t[1] - s[1]) * 1000000 + (t[2] - s[2]) > 1500000 return 1",
          0,
        );
        await sleep(50);
        const tickets = await Promise.all(Array.from({ length: 3 }, () => limiter.acquire()));
        for (const ticket of tickets) ticket.settle();
        expect(events[0]).toMatchObject({
          type: "redis-rate-limit-fallback",
          reason: "the step script took longer than commandTimeoutMs (300 ms)",
        });
        await busy;
        await untilBackOnRedis(limiter);
        expect(events.map((e) => e.type)).toEqual([
          "redis-rate-limit-fallback",
          "redis-rate-limit-restored",
        ]);
      } finally {
        blocker.disconnect();
      }
    });
  }, 30_000);

  it("decides alone at its share while Redis is down, holds first, and returns when it is back", async () => {
    const events: RedisRateLimitEvent[] = [];
    const onEvent = (event: RedisRateLimitEvent) => events.push(event);
    const options = { workers: 2, commandTimeoutMs: 300, probeIntervalMs: 300, onEvent };
    await onOwnRedis(options, async (own, limiter) => {
      (await limiter.acquire()).settle();
      await own.kill();
      const lostAt = performance.now();
      const grantedAt: number[] = [];
      const tickets = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const ticket = await limiter.acquire();
          grantedAt.push(performance.now() - lostAt);
          ticket.settle();
          return ticket;
        }),
      );
      expect(tickets).toHaveLength(4);
      expect(limiter.mode).toBe("fallback");
      const fallback = events.find((e) => e.type === "redis-rate-limit-fallback");
      expect(fallback).toMatchObject({ share: 0.5, holdMs: 2010 });
      expect(fallback && "reason" in fallback && fallback.reason).toBeTruthy();
      // Nothing starts within the hold: requests Redis let through may still be arriving.
      expect(Math.min(...grantedAt)).toBeGreaterThanOrEqual(2_000);
      // Half the limit alone (5/s, burst 2 → capacity 1, at most 5 per window): 4 take 600 ms.
      expect(Math.max(...grantedAt) - Math.min(...grantedAt)).toBeGreaterThanOrEqual(550);

      await own.restart();
      await untilBackOnRedis(limiter);
      expect(events.map((e) => e.type)).toContain("redis-rate-limit-restored");
      (await limiter.acquire()).settle();
    });
  }, 30_000);
});

it("an idle limiter keeps no timer (each library in turn: the count is the process's)", async () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
  for (const library of redisLibraries) {
    const connection = await connectRedis(library, redisServer.url);
    opened.push(connection);
    const apiKey = freshToken();
    const limiter = createRedisRateLimiter({ redis: connection.client, apiKey, workers: 4 });
    const before = timers();
    const tickets = await Promise.all(Array.from({ length: 5 }, () => limiter.acquire()));
    for (const ticket of tickets) ticket.settle();
    expect(limiter.queued).toBe(0);
    // The settles' time limits end as their answers come (sooner or later on a busy machine).
    await until("the settles to be answered", () => timers() <= before, 5_000);
  }
});

it("a client call aborted while waiting on the shared limiter fails with DixaAbortError, unsent", async () => {
  const http = await startLoopbackServer((_request, response) =>
    sendJson(response, 200, { data: {} }),
  );
  const connection = await connectRedis("node-redis", redisServer.url);
  opened.push(connection);
  try {
    const apiKey = freshToken();
    const rateLimit = createRedisRateLimiter({ redis: connection.client, apiKey, workers: 2 });
    const dixa = createDixaClient({ apiKey, baseUrl: http.url, rateLimit, retry: false });
    await Promise.all([1, 2, 3].map(() => dixa.organization.get()));
    // Six callers ahead keep the call waiting for 600 ms or more, ample even on a busy machine.
    const ahead = Array.from({ length: 6 }, () => rateLimit.acquire());
    const controller = new AbortController();
    const call = dixa.organization.get({ signal: controller.signal });
    await until("the call to wait behind them", () => rateLimit.queued === 7);
    controller.abort();
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DixaAbortError);
    expect((error as DixaAbortError).attempts).toBe(0);
    expect(http.requests).toHaveLength(3);
    for (const ticket of await Promise.all(ahead)) ticket.settle();
    expect(rateLimit.queued).toBe(0);
  } finally {
    await http.close();
  }
});

it("one round trip to Redis per request when nobody else waits, none wasted on a cold server", async () => {
  // A server of its own: its command counts are this test's alone.
  const own = await startRedisServer();
  const stats = new Redis(own.url);
  try {
    for (const library of redisLibraries) {
      const connection = await connectRedis(library, own.url);
      try {
        const limiter = createRedisRateLimiter({
          redis: connection.client,
          apiKey: freshToken(),
          workers: 1,
        });
        await stats.config("RESETSTAT");
        for (let i = 0; i < 6; i++) {
          const ticket = await limiter.acquire();
          expect(ticket.waitedMs).toBe(0);
          ticket.settle();
          // Far enough apart that none waits (the bucket refills one every 100 ms).
          await sleep(150);
        }
        const scripts = commandStats(await stats.info("commandstats"), /^eval/);
        // The first call loads the script as it runs it; the answers ride along with the next.
        expect(scripts, library).toEqual({
          eval: { calls: 1, failed: 0 },
          evalsha: { calls: 5, failed: 0 },
        });
      } finally {
        await connection.close();
      }
    }
  } finally {
    stats.disconnect();
    await own.stop();
  }
});

it("a process held up past commandTimeoutMs reads Redis's answer before blaming Redis", async () => {
  const client = new Redis(redisServer.url);
  const events: RedisRateLimitEvent[] = [];
  try {
    let holdUp = false;
    const evalsha = client.evalsha.bind(client) as (...args: unknown[]) => Promise<unknown>;
    // The command goes out, then this process is busy (as if paused) well past the time limit,
    // while Redis answers at once.
    (client as unknown as { evalsha: typeof evalsha }).evalsha = (...args) => {
      const answer = evalsha(...args);
      if (holdUp) {
        // Once the limiter's own time limit runs (right after this call returns).
        queueMicrotask(() => {
          const until = performance.now() + 300;
          while (performance.now() < until);
        });
      }
      return answer;
    };
    const limiter = createRedisRateLimiter({
      redis: client,
      apiKey: freshToken(),
      workers: 2,
      commandTimeoutMs: 100,
      onEvent: (event) => events.push(event),
    });
    (await limiter.acquire()).settle(); // loads the script
    holdUp = true;
    const ticket = await limiter.acquire();
    holdUp = false;
    ticket.settle();
    expect(events).toEqual([]);
    expect(limiter.mode).toBe("redis");
  } finally {
    client.disconnect();
  }
});

it("refuses bad options with a TypeError that names the option", async () => {
  const connection = await connectRedis("ioredis", redisServer.url);
  opened.push(connection);
  const redis = connection.client;
  const make = (options: unknown) => () =>
    createRedisRateLimiter(options as Parameters<typeof createRedisRateLimiter>[0]);
  expect(make(undefined)).toThrow(TypeError);
  expect(make({ apiKey: "t", workers: 1 })).toThrow(/`redis` option is required/);
  expect(make({ redis: {}, apiKey: "t", workers: 1 })).toThrow(/ioredis or node-redis/);
  expect(make({ redis: { eval() {} }, apiKey: "t", workers: 1 })).toThrow(/evalsha/);
  expect(make({ redis, apiKey: " ", workers: 1 })).toThrow(/`apiKey`.*blank string/);
  expect(make({ redis, apiKey: "t" })).toThrow(/`workers`.*`fallbackShare`/);
  expect(make({ redis, apiKey: "t", workers: 0 })).toThrow(/`workers` must be a whole number/);
  expect(make({ redis, apiKey: "t", fallbackShare: 1.5 })).toThrow(/`fallbackShare` must be/);
  expect(make({ redis, apiKey: "t", workers: 2, burst: 0 })).toThrow(
    /createRedisRateLimiter: burst must be a positive integer/,
  );
  expect(make({ redis, apiKey: "t", workers: 2, commandTimeoutMs: 0 })).toThrow(/commandTimeoutMs/);
  expect(make({ redis, apiKey: "t", workers: 2, leaseMs: 5 })).toThrow(/leaseMs/);
  expect(make({ redis, apiKey: "t", workers: 2, onEvent: "log" })).toThrow(/onEvent/);
  expect(make({ redis, apiKey: "t", workers: 2, rateLimit: {} })).toThrow(
    /unknown option `rateLimit`/,
  );
  // None of them echoes the token.
  try {
    make({ redis, apiKey: "tok-secret-42" })();
  } catch (error) {
    expect(String(error)).not.toContain("tok-secret-42");
  }
  const ok: RedisRateLimiter = createRedisRateLimiter({ redis, apiKey: "t", fallbackShare: 0.25 });
  expect(ok.mode).toBe("redis");
});

/** Calls and failed calls per command whose name matches, from INFO commandstats. */
function commandStats(
  info: string,
  name: RegExp,
): Record<string, { calls: number; failed: number }> {
  const found: Record<string, { calls: number; failed: number }> = {};
  for (const line of info.split("\n")) {
    const match = /^cmdstat_(\w+):calls=(\d+),.*failed_calls=(\d+)/.exec(line.trim());
    if (match && name.test(match[1]!)) {
      found[match[1]!] = { calls: Number(match[2]), failed: Number(match[3]) };
    }
  }
  return found;
}

async function redisTime(): Promise<number> {
  const [seconds, micros] = await inspect.time();
  return Number(seconds) * 1000 + Number(micros) / 1000;
}

async function zrange(key: string): Promise<[string, number][]> {
  const flat = await inspect.zrange(key, "0", "-1", "WITHSCORES");
  const pairs: [string, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, Number(flat[i + 1])]);
  return pairs;
}

async function zscore(key: string, member: string): Promise<number> {
  const score = await inspect.zscore(key, member);
  if (score === null) throw new Error(`${member} is no longer recorded in ${key}`);
  return Number(score);
}
