/**
 * The Lua step script must decide exactly as `earliestStart` of admission-rule.ts (which the
 * in-memory limiter uses). Both run here on the same vectors, against a real redis-server: the
 * record is written with scores around Redis's own clock, the script answers with the `now` it
 * used and the earliest start it computed, and the TypeScript must give the same double.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { earliestStart, memoryMs, type AdmissionRule } from "../../src/http/admission-rule.js";
import { FairQueue } from "../../src/http/fair-queue.js";
import { ruleOf } from "../../src/http/rate-limiter.js";
import { scriptRunner, type ScriptRunner } from "../../src/redis/redis-client.js";
import { recordKeys, step, type RecordSettings } from "../../src/redis/shared-record.js";
import { stepScript } from "../../src/redis/scripts.js";
import { tokenKeys, type TokenKeys } from "../../src/redis/token-keys.js";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server.js";

let server: RedisServer;
let redis: Redis;
let run: ScriptRunner;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
  run = scriptRunner(redis, "redis");
});

afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

/** A small seeded generator, so a failing vector can be found again. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rules: [string, AdmissionRule][] = [
  ["Dixa's default (10/s, burst 4, jitter 100 ms)", ruleOf({}).rule],
  [
    "5/s, burst 2, no jitter",
    ruleOf({ requestsPerSecond: 5, burst: 2, jitterAllowanceMs: 0 }).rule,
  ],
  ["0.5/s, burst 1 (no window limit)", ruleOf({ requestsPerSecond: 0.5, burst: 1 }).rule],
  [
    "25/s, burst 10, jitter 37 ms",
    ruleOf({ requestsPerSecond: 25, burst: 10, jitterAllowanceMs: 37 }).rule,
  ],
];

function settingsFor(rule: AdmissionRule): RecordSettings {
  return {
    rule,
    transitMs: 250,
    memoryMs: memoryMs(rule),
    leaseMs: 2_000,
    keyTtlMs: 60_000,
    epochTtlMs: 60_000,
    lateHeadMs: 50,
  };
}

/** One step of one process on `keys`, as the limiter makes it. */
function stepOf(
  keys: TokenKeys,
  settings: RecordSettings,
  waiters: string[],
  maxAdmit: number,
  expectedEpoch = "",
): ReturnType<typeof step> {
  return step(run, stepScript(settings), recordKeys(keys), {
    waiters,
    leaving: [],
    updates: [],
    maxAdmit,
    expectedEpoch,
    newEpoch: "e",
  });
}

async function redisNow(): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Number(micros) / 1000;
}

describe.each(rules)("the step script agrees with earliestStart: %s", (_name, rule) => {
  const settings = settingsFor(rule);

  it("on 150 random records (some in flight, some settled, some old enough to forget)", async () => {
    const random = mulberry32(rule.capacity * 1000 + rule.ratePerSecond);
    let admittedCount = 0;
    let waitedCount = 0;
    for (let vector = 0; vector < 150; vector++) {
      const keys = await tokenKeys(`agreement-${rule.ratePerSecond}-${vector}`, "test:agree:");
      const count = Math.floor(random() * 22);
      const base = await redisNow();
      // Packed around the rule's own pace (sometimes denser, sometimes sparser), a few in the
      // future (requests still in flight) and a few older than the record keeps.
      const span =
        (0.2 + random() * 2) * Math.max(rule.windowMs, (1000 * count) / rule.ratePerSecond);
      const scores = Array.from({ length: count }, () =>
        random() < 0.1
          ? base - settings.memoryMs - random() * 1000
          : base - random() * span + random() * 300,
      );
      if (count > 0) {
        await redis.zadd(keys.sent, ...scores.flatMap((score, i) => [String(score), `r${i}`]));
      }
      // Every other vector goes by the common path (the record's epoch is the one expected):
      // admitted there, it answers with the clock alone; held back, it goes on to the full step.
      const common = vector % 2 === 1;
      if (common) await redis.set(keys.epoch, "e");
      const reply = await stepOf(keys, settings, ["w:1"], 1, common ? "e" : "");
      // Forgotten: older than the record keeps, the bound rounded down (whole ms).
      const kept = scores.filter((score) => score >= Math.floor(reply.now - settings.memoryMs));
      const expected = earliestStart([...kept], rule, reply.now);
      const context = `vector ${vector}: ${JSON.stringify(scores)}`;
      if (common && expected <= reply.now) expect(reply.earliestStart, context).toBeUndefined();
      else expect(reply.earliestStart, context).toBe(expected);
      expect(await redis.zcard(keys.sent)).toBe(kept.length + (expected <= reply.now ? 1 : 0));
      if (expected <= reply.now) {
        admittedCount++;
        expect(reply.admitted).toEqual(["w:1"]);
        // Its latest arrival in whole milliseconds, rounded up.
        expect(Number(await redis.zscore(keys.sent, "w:1"))).toBe(Math.ceil(reply.now + 250));
        expect(reply.waitMs).toBeUndefined();
      } else {
        waitedCount++;
        expect(reply.admitted).toEqual([]);
        expect(reply.position).toBe(0);
        // The hint is a lower bound: requests in flight counted as if settled now.
        const optimistic = earliestStart(
          kept.map((score) => Math.min(score, reply.now)),
          rule,
          reply.now,
        );
        expect(reply.waitMs).toBe(optimistic - reply.now);
        expect(reply.waitMs!).toBeLessThanOrEqual(expected - reply.now);
      }
      await redis.del(...recordKeys(keys));
    }
    // The vectors exercise both outcomes.
    expect(admittedCount).toBeGreaterThan(10);
    expect(waitedCount).toBeGreaterThan(10);
  });
});

it("hand-picked edges: an empty record, the window's last slot, and the bucket's refill", async () => {
  const rule = ruleOf({}).rule; // capacity 3, 10/s, 10 per 1010 ms
  const settings = settingsFor(rule);
  const cases: [string, (now: number) => number[]][] = [
    ["empty", () => []],
    ["two just sent (the burst has room for a third)", (t) => [t - 1, t - 2]],
    ["three just sent (the fourth waits 100 ms)", (t) => [t - 1, t - 2, t - 3]],
    ["ten within the window", (t) => Array.from({ length: 10 }, (_, i) => t - 100 - i * 90)],
    [
      "ten, the oldest just out of the window",
      (t) => Array.from({ length: 10 }, (_, i) => t - 200 - i * 100),
    ],
  ];
  for (const [name, make] of cases) {
    const keys = await tokenKeys(`edge-${name}`, "test:agree:");
    const scores = make(await redisNow());
    if (scores.length > 0) {
      await redis.zadd(keys.sent, ...scores.flatMap((score, i) => [String(score), `r${i}`]));
    }
    const reply = await stepOf(keys, settings, ["w:1"], 1);
    expect(reply.earliestStart, name).toBe(earliestStart([...scores], rule, reply.now));
    await redis.del(...recordKeys(keys));
  }
});

it("a head that leaves its turn untaken for 50 ms does not hold up the others, and keeps its place", async () => {
  const rule = ruleOf({}).rule;
  const settings = settingsFor(rule);
  const keys = await tokenKeys("late-head", "test:agree:");
  const ask = (waiters: string[], maxAdmit: number) => stepOf(keys, settings, waiters, maxAdmit);
  // Three just sent: the bucket lets the next one go 100 ms after the oldest of them.
  const base = await redisNow();
  const sent = [base - 100, base - 99, base - 98];
  await redis.zadd(keys.sent, ...sent.flatMap((score, i) => [String(score), `r${i}`]));
  const turnCame = earliestStart([...sent], rule, -Infinity); // base
  // Process X queues a caller but does not take its turn (as if busy: it asks to admit none).
  await ask(["x1:1"], 0);
  // Process Y asks: it may go only once X's turn has been untaken for 50 ms (Redis clock).
  const first = await ask(["y1:1"], 1);
  const late = first.now - turnCame >= 50;
  expect(first.admitted).toEqual(late ? ["y1:1"] : []);
  if (!late) {
    await new Promise((resolve) => setTimeout(resolve, 60));
    const second = await ask(["y1:1"], 1);
    expect(second.admitted).toEqual(["y1:1"]);
  }
  // X's caller is still first in the queue.
  expect(await redis.zrange(keys.lanes, "0", "-1")).toEqual(["x1:1"]);
  await redis.del(...recordKeys(keys));
});

it("chooses lanes as lanes.ts does, turn after turn, every lane waiting", async () => {
  // A rule that never holds anyone back: every step lets the next caller go.
  const rule = ruleOf({ requestsPerSecond: 1_000_000, burst: 1_000_000 }).rule;
  const settings = settingsFor(rule);
  const keys = await tokenKeys("lanes", "test:agree:");
  const callers = [
    ...Array.from({ length: 14 }, (_, i): Caller => ({ id: `i${i}:0`, lane: 0, owner: "x" })),
    ...Array.from({ length: 5 }, (_, i): Caller => ({ id: `n${i}:1`, lane: 1, owner: "x" })),
    ...Array.from({ length: 5 }, (_, i): Caller => ({ id: `b${i}:2`, lane: 2, owner: "x" })),
  ];
  const local = new FairQueue<Caller>();
  for (const caller of callers) local.push(caller);
  const expected = callers.map(() => local.shift()!.id);
  // Registered first (nobody admitted), then one turn per step.
  await stepOf(
    keys,
    settings,
    callers.map((c) => c.id),
    0,
  );
  const admitted: string[] = [];
  while (admitted.length < callers.length) {
    const waiting = callers.map((c) => c.id).filter((id) => !admitted.includes(id));
    admitted.push(...(await stepOf(keys, settings, waiting, 1)).admitted);
  }
  expect(admitted).toEqual(expected);
  // Every waiting lane had its turn well before the interactive backlog was done.
  expect(admitted.indexOf("b0:2")).toBeLessThan(6);
  await redis.del(...recordKeys(keys));
});

interface Caller {
  id: string;
  lane: number;
  owner: string;
}
