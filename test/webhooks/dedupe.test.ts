import { describe, expect, it } from "vitest";
import {
  DEFAULT_DEDUPE_TTL_MS,
  createDixaWebhookReceiver,
  createMemoryDedupeStore,
  type DixaWebhookDedupeStore,
} from "../../src/webhooks/index.js";

describe("the in-memory dedupe store", () => {
  it("says 'not seen' once, then 'seen' until the id's time is up", () => {
    let now = 1_000;
    const store = createMemoryDedupeStore({ now: () => now });
    expect(store.seen("e-1", 60_000)).toBe(false);
    expect(store.seen("e-1", 60_000)).toBe(true);
    now += 59_999;
    expect(store.seen("e-1", 60_000)).toBe(true);
    now += 1;
    expect(store.seen("e-1", 60_000)).toBe(false); // expired: recorded afresh
    expect(store.seen("e-1", 60_000)).toBe(true);
    expect(store.seen("e-2", 60_000)).toBe(false);
  });

  it("forgets an id on request, so a redelivery is handled again", () => {
    const store = createMemoryDedupeStore();
    expect(store.seen("e-1", 1000)).toBe(false);
    store.forget("e-1");
    expect(store.seen("e-1", 1000)).toBe(false);
    store.forget("never-seen"); // harmless
  });

  it("sweeps expired ids as new ones arrive (no timer), keeping memory bounded by time", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ now: () => now });
    for (let i = 0; i < 1000; i++) store.seen(`old-${i}`, 1000);
    expect(store.size).toBe(1000);
    now = 5000;
    store.seen("new", 1000);
    expect(store.size).toBe(1);
  });

  it("keeps at most maxEntries: with all alive, the one closest to expiry goes", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ maxEntries: 3, now: () => now });
    store.seen("a", 50_000);
    store.seen("b", 10_000);
    store.seen("c", 30_000);
    now = 1;
    expect(store.seen("d", 60_000)).toBe(false);
    expect(store.size).toBe(3);
    expect(store.seen("a", 60_000)).toBe(true);
    expect(store.seen("c", 60_000)).toBe(true);
    expect(store.seen("d", 60_000)).toBe(true);
    expect(store.seen("b", 60_000)).toBe(false); // dropped, so new again
  });

  it("with mixed times to live, expired ids go first: a live one is never dropped for them", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ maxEntries: 3, now: () => now });
    store.seen("long-lived", 24 * 3_600_000);
    store.seen("short-1", 10);
    store.seen("short-2", 10);
    now = 100; // both short ones have expired; nothing has swept them yet
    expect(store.seen("new", 60_000)).toBe(false);
    expect(store.seen("long-lived", 60_000)).toBe(true);
    expect(store.seen("new", 60_000)).toBe(true);
    expect(store.size).toBe(2);
  });

  it("the id being recorded is never the one dropped, however short its time", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ maxEntries: 2, now: () => now });
    store.seen("a", 60_000);
    store.seen("b", 60_000);
    expect(store.claim("c", 1)).toBe("claimed");
    expect(store.claim("c", 1)).toBe("in-progress");
  });

  it("claim, complete and forget: the handlers' two steps", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ now: () => now });
    expect(store.claim("e", 1000)).toBe("claimed");
    expect(store.claim("e", 1000)).toBe("in-progress");
    expect(store.seen("e", 1000)).toBe(true);
    store.complete("e", 60_000);
    expect(store.claim("e", 1000)).toBe("done");
    now = 59_999;
    expect(store.claim("e", 1000)).toBe("done"); // the complete's time to live, not the lease's
    store.forget("e");
    expect(store.claim("e", 1000)).toBe("claimed");
    now += 1000; // the lease runs out: a process that died leaves nothing behind
    expect(store.claim("e", 1000)).toBe("claimed");
    expect(() => store.claim("e", 0)).toThrow(/leaseMs/);
    expect(() => store.complete("", 1)).toThrow(/event_id/);
  });

  it("stays ordered through many moves (a heap check against a sorted model)", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ maxEntries: 50, now: () => now });
    const model = new Map<string, number>();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let step = 0; step < 5000; step++) {
      now += Math.floor(random() * 20);
      const id = `id-${Math.floor(random() * 80)}`;
      for (const [known, expiry] of model) if (expiry <= now) model.delete(known);
      const ttl = 1 + Math.floor(random() * 500);
      const alive = model.has(id);
      if (random() < 0.2) {
        store.forget(id);
        model.delete(id);
        continue;
      }
      expect(store.seen(id, ttl)).toBe(alive);
      if (alive) continue;
      if (model.size >= 50) {
        const [soonest] = [...model].sort((x, y) => x[1] - y[1])[0]!;
        model.delete(soonest);
      }
      model.set(id, now + ttl);
    }
  });

  it("refuses bad arguments with TypeErrors", () => {
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(TypeError);
    expect(() => createMemoryDedupeStore({ now: 5 as never })).toThrow(TypeError);
    const store = createMemoryDedupeStore();
    expect(() => store.seen("", 1000)).toThrow(/event_id/);
    expect(() => store.seen("x", 0)).toThrow(/ttlMs/);
    expect(() => store.seen("x", Number.NaN)).toThrow(/ttlMs/);
  });
});

describe("de-duplication through the receiver", () => {
  const secret = "aa".repeat(32);
  const event = { event_id: "1f1d0c52-4a6b-4d0e-9a0e-6b2d1f0c9e11" };

  it("counts concurrent duplicate deliveries of one event once", async () => {
    const receiver = createDixaWebhookReceiver({ secret });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => receiver.isDuplicate({ ...event })),
    );
    expect(answers.filter((duplicate) => !duplicate)).toHaveLength(1);
    expect(await receiver.isDuplicate(event)).toBe(true);
    await receiver.forget(event);
    expect(await receiver.isDuplicate(event)).toBe(false);
  });

  it("uses a store of your own (e.g. Redis SET NX PX) with the configured time to live", async () => {
    // An asynchronous store, atomic the way Redis' SET NX is: the check-and-set is one step
    // on the server side, here one synchronous step after a network-like delay.
    const calls: [string, number][] = [];
    const held = new Set<string>();
    const store: DixaWebhookDedupeStore = {
      async seen(id, ttlMs) {
        calls.push([id, ttlMs]);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        if (held.has(id)) return true;
        held.add(id);
        return false;
      },
    };
    const receiver = createDixaWebhookReceiver({ secret, dedupeStore: store, dedupeTtlMs: 90_000 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => receiver.isDuplicate(event)),
    );
    expect(answers.filter((duplicate) => !duplicate)).toHaveLength(1);
    expect(calls).toHaveLength(10);
    expect(calls.every(([id, ttl]) => id === event.event_id && ttl === 90_000)).toBe(true);
    // A store without forget(): forgetting is a no-op, not an error.
    await expect(receiver.forget(event)).resolves.toBeUndefined();
  });

  it("defaults to 24 hours, and checks its options and arguments", async () => {
    expect(DEFAULT_DEDUPE_TTL_MS).toBe(86_400_000);
    const ttls: number[] = [];
    const receiver = createDixaWebhookReceiver({
      secret,
      dedupeStore: { seen: (_id, ttl) => (ttls.push(ttl), false) },
    });
    await receiver.isDuplicate(event);
    expect(ttls).toEqual([86_400_000]);
    expect(() => createDixaWebhookReceiver({ secret, dedupeTtlMs: 0 })).toThrow(TypeError);
    expect(() => createDixaWebhookReceiver({ secret, dedupeStore: {} as never })).toThrow(
      /seen\(id, ttlMs\)/,
    );
    await expect(receiver.isDuplicate({} as never)).rejects.toThrow(/event_id/);
  });
});
