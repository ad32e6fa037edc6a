/**
 * Who goes next in the in-memory limiter: lanes (a higher lane first, a waiting lane never
 * starved), clients of one limit taking turns within a lane, and what makes a request stop
 * counting as on its way. Decisions only: the clock is vitest's, advanced by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter, type RateLimitTicket } from "../../src/index.js";
import { chooseLane, countTurn, passOverLimit } from "../../src/http/lanes.js";
import type { RateLimitPriority } from "../../src/http/rate-limit.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** One request every 100 ms, none together: each turn is its own. */
const oneAtATime = () => new RateLimiter({ requestsPerSecond: 10, burst: 1, jitterAllowanceMs: 0 });

/** Queues callers and records, in order, the label of each one let through (settled at once). */
function recorder() {
  const served: string[] = [];
  const queue = (
    limiter: RateLimiter,
    label: string,
    priority?: RateLimitPriority,
    signal?: AbortSignal,
  ) =>
    limiter.acquire(signal, priority && { priority }).then((ticket) => {
      served.push(label);
      ticket.settle();
      return ticket;
    });
  return { served, queue };
}

/** Lets the limiter hand out `turns` more turns (one per 100 ms). */
async function advanceTurns(turns: number) {
  await vi.advanceTimersByTimeAsync(100 * turns);
}

describe("lanes", () => {
  it("an interactive call goes before background calls that waited longer", async () => {
    const limiter = oneAtATime();
    const { served, queue } = recorder();
    const first = await limiter.acquire();
    first.settle();
    for (let i = 0; i < 5; i++) void queue(limiter, `b${i}`, "background");
    await advanceTurns(1);
    void queue(limiter, "i0", "interactive");
    void queue(limiter, "n0");
    await advanceTurns(8);
    expect(served).toEqual(["b0", "i0", "n0", "b1", "b2", "b3", "b4"]);
  });

  it("a waiting lane is passed over at most four turns in a row, then takes one", async () => {
    const limiter = oneAtATime();
    const { served, queue } = recorder();
    (await limiter.acquire()).settle();
    for (let i = 0; i < 12; i++) void queue(limiter, `i${i}`, "interactive");
    for (let i = 0; i < 3; i++) void queue(limiter, `b${i}`, "background");
    await advanceTurns(16);
    expect(served).toEqual([
      ...["i0", "i1", "i2", "i3", "b0"],
      ...["i4", "i5", "i6", "i7", "b1"],
      ...["i8", "i9", "i10", "i11", "b2"],
    ]);
  });

  it("with three lanes busy, each waiting lane still gets a turn in every six", () => {
    // The rule alone, over many turns with every lane always waiting.
    const passed = [0, 0, 0];
    const waiting = [true, true, true];
    const taken: number[] = [];
    for (let turn = 0; turn < 60; turn++) {
      const lane = chooseLane(waiting, passed);
      countTurn(waiting, passed, lane);
      taken.push(lane);
    }
    for (let from = 0; from + 6 <= taken.length; from++) {
      const window = taken.slice(from, from + 6);
      for (const lane of [0, 1, 2]) expect(window, `turns ${from}..`).toContain(lane);
    }
    // The highest lane keeps most of the turns.
    expect(taken.filter((lane) => lane === 0).length).toBeGreaterThanOrEqual(30);
    expect(passOverLimit).toBe(4);
  });

  it("refuses a lane that is not one", async () => {
    const limiter = oneAtATime();
    await expect(limiter.acquire(undefined, { priority: "urgent" as never })).rejects.toThrow(
      /priority must be one of "interactive", "normal", "background", got "urgent"/,
    );
    expect(limiter.queued).toBe(0);
  });
});

describe("clients of one limit take turns within a lane", () => {
  it("a second client's calls are not held behind the first one's backlog", async () => {
    const a = oneAtATime();
    const b = a.forClient();
    const { served, queue } = recorder();
    (await a.acquire()).settle();
    for (let i = 0; i < 6; i++) void queue(a, `a${i}`);
    await advanceTurns(1);
    for (let i = 0; i < 3; i++) void queue(b, `b${i}`);
    await advanceTurns(8);
    expect(served).toEqual(["a0", "a1", "b0", "a2", "b1", "a3", "b2", "a4", "a5"]);
    expect(b.queued).toBe(0);
  });

  it("share one limit: a client handle adds nothing to the rate", async () => {
    const a = oneAtATime();
    const b = a.forClient();
    const grantedAt: number[] = [];
    const take = (limiter: RateLimiter) =>
      limiter.acquire().then((ticket) => {
        grantedAt.push(performance.now());
        ticket.settle();
      });
    const all = Promise.all([take(a), take(b), take(a), take(b)]);
    await advanceTurns(4);
    await all;
    expect(grantedAt[3]! - grantedAt[0]!).toBeGreaterThanOrEqual(300);
  });

  it("an aborted caller leaves the queue, its client keeping its place in the round", async () => {
    const a = oneAtATime();
    const b = a.forClient();
    const { served, queue } = recorder();
    (await a.acquire()).settle();
    const controller = new AbortController();
    const gone = queue(b, "b0", undefined, controller.signal);
    void queue(a, "a0");
    void queue(b, "b1");
    controller.abort(new Error("gave up"));
    await expect(gone).rejects.toThrow("gave up");
    await advanceTurns(3);
    expect(served).toEqual(["b1", "a0"]);
    expect(a.queued).toBe(0);
  });
});

describe("how long a request counts as on its way", () => {
  /** Capacity 1 and 1,000/s: the next request may start 1 ms after the last one's latest arrival. */
  const tight = (extra: object = {}) =>
    new RateLimiter({
      requestsPerSecond: 1000,
      burst: 1,
      jitterAllowanceMs: 0,
      transitAllowanceMs: 250,
      ...extra,
    });

  async function nextGrantAfter(limiter: RateLimiter, act: (ticket: RateLimitTicket) => void) {
    const first = await limiter.acquire();
    const started = performance.now();
    let grantedAt: number | undefined;
    const next = limiter.acquire().then((ticket) => {
      grantedAt = performance.now() - started;
      ticket.settle();
    });
    act(first);
    await vi.advanceTimersByTimeAsync(300);
    await next;
    return grantedAt!;
  }

  it("until transitAllowanceMs when nothing is heard of it", async () => {
    expect(await nextGrantAfter(tight(), () => undefined)).toBeGreaterThanOrEqual(250);
  });

  it("until its answer, when that comes first", async () => {
    const grantedAt = await nextGrantAfter(tight(), (ticket) => {
      setTimeout(() => ticket.settle(), 40);
    });
    expect(grantedAt).toBeGreaterThanOrEqual(40);
    expect(grantedAt).toBeLessThan(250);
  });

  it("dispatch without a departure report (another fetch) changes nothing", async () => {
    const grantedAt = await nextGrantAfter(tight(), (ticket) => {
      expect(ticket.dispatch!(() => "sent")).toBe("sent");
    });
    expect(grantedAt).toBeGreaterThanOrEqual(250);
  });
});
