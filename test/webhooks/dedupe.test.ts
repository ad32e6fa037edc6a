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

  it("keeps at most maxEntries, dropping the oldest first", () => {
    const store = createMemoryDedupeStore({ maxEntries: 3 });
    for (const id of ["a", "b", "c", "d"]) expect(store.seen(id, 60_000)).toBe(false);
    expect(store.size).toBe(3);
    expect(store.seen("d", 60_000)).toBe(true);
    expect(store.seen("b", 60_000)).toBe(true);
    expect(store.seen("a", 60_000)).toBe(false); // dropped, so new again
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
