/**
 * A claim is released only by the handling that made it. A handler that outlives its lease
 * (the event is claimed again by another receiver meanwhile) and then fails must not release
 * the newer claim, nor undo an event handled since; in memory, with an injected clock. The same
 * on a real redis-server: test/redis/dedupe-store.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  createDixaWebhookReceiver,
  createMemoryDedupeStore,
  sampleDixaEvent,
  signDixaWebhook,
  type DixaWebhookDedupeStore,
  type DixaWebhookEvent,
} from "../../src/webhooks/index.js";

const secret = "4d".repeat(32);

describe("the in-memory store: a release names its claim", () => {
  it("forget with a lapsed claim's token leaves the newer claim, and a completed id, alone", () => {
    let now = 0;
    const store = createMemoryDedupeStore({ now: () => now });
    expect(store.claim("e", 1_000, "token-a")).toBe("claimed");
    now = 1_000; // a's lease has run out: b claims the event afresh
    expect(store.claim("e", 1_000, "token-b")).toBe("claimed");
    store.forget("e", "token-a"); // a failed, late
    expect(store.claim("e", 1_000, "token-c")).toBe("in-progress");
    store.forget("e", "token-b"); // b's own release works
    expect(store.claim("e", 1_000, "token-c")).toBe("claimed");
    store.complete("e", 60_000);
    store.forget("e", "token-c"); // handled since: a late release of c's claim changes nothing
    expect(store.claim("e", 1_000, "token-d")).toBe("done");
    store.forget("e"); // no token: removed, whatever it holds (receiver.forget, after seen)
    expect(store.claim("e", 1_000, "token-d")).toBe("claimed");
  });

  it("refuses a token that is not a non-empty string", () => {
    const store = createMemoryDedupeStore();
    expect(() => store.claim("e", 1_000, "")).toThrow(/token must be a non-empty string/);
    expect(() => store.forget("e", 42 as never)).toThrow(/token must be a non-empty string/);
  });
});

describe("the ready handlers: a handler that outlived its lease", () => {
  it("fails late without releasing the claim a second receiver made since", async () => {
    let now = 0;
    const store = createMemoryDedupeStore({ now: () => now });
    const started: string[] = [];
    const finish = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
    /** Each receiver's onEvent waits until the test settles it. */
    const receiver = (name: string) =>
      createDixaWebhookReceiver({ secret, dedupeStore: store, dedupeLeaseMs: 1_000 }).fetchHandler(
        (event: DixaWebhookEvent) =>
          new Promise<void>((resolve, reject) => {
            started.push(`${name} ${event.event_id}`);
            finish.set(name, { resolve, reject });
          }),
        { onError: () => undefined },
      );
    const a = receiver("a");
    const b = receiver("b");
    const event = sampleDixaEvent("CONVERSATION_CREATED");
    const copy = async () => {
      const { body, headers } = await signDixaWebhook(event, secret);
      return new Request("http://localhost/", { method: "POST", body, headers });
    };
    const atA = a(await copy());
    await expect.poll(() => finish.has("a")).toBe(true);
    now = 1_000; // a's lease runs out while its onEvent still runs: the redelivery goes to b
    const atB = b(await copy());
    await expect.poll(() => finish.has("b")).toBe(true);
    finish.get("a")!.reject(new Error("a timed out at last"));
    expect((await atA).status).toBe(500);
    // b still holds its claim: a third copy is asked to come back, not handled a third time.
    expect((await a(await copy())).status).toBe(503);
    finish.get("b")!.resolve();
    expect((await atB).status).toBe(200);
    expect(await (await a(await copy())).text()).toBe("duplicate");
    expect(started).toEqual([`a ${event.event_id}`, `b ${event.event_id}`]);
  });

  it("passes each claim's own token to claim and to the release", async () => {
    const inner = createMemoryDedupeStore();
    const calls: string[][] = [];
    const spy: DixaWebhookDedupeStore = {
      seen: (id, ttl) => inner.seen(id, ttl),
      claim: (id, lease, token) => (calls.push(["claim", token]), inner.claim(id, lease, token)),
      complete: (id, ttl) => inner.complete(id, ttl),
      forget: (id, token) => (calls.push(["forget", String(token)]), inner.forget(id, token)),
    };
    const handler = createDixaWebhookReceiver({ secret, dedupeStore: spy }).fetchHandler(
      () => Promise.reject(new Error("down")),
      { onError: () => undefined },
    );
    for (let i = 0; i < 2; i++) {
      const { body, headers } = await signDixaWebhook(
        sampleDixaEvent("CONVERSATION_CREATED"),
        secret,
      );
      await handler(new Request("http://localhost/", { method: "POST", body, headers }));
    }
    const [first, second] = [calls[0]?.[1], calls[2]?.[1]];
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(calls).toEqual([
      ["claim", first],
      ["forget", first],
      ["claim", second],
      ["forget", second],
    ]);
  });

  it("a store written against the old interface (claim(id, leaseMs), forget(id)) still works", async () => {
    // Written before claims had tokens: it ignores the extra argument, and still compiles.
    const held = new Map<string, "in-progress" | "done">();
    const legacy: DixaWebhookDedupeStore = {
      seen: (id) => held.has(id) || (held.set(id, "done"), false),
      claim(id: string, _leaseMs: number) {
        const state = held.get(id);
        if (state !== undefined) return state;
        held.set(id, "in-progress");
        return "claimed";
      },
      complete: (id: string) => void held.set(id, "done"),
      forget: (id: string) => void held.delete(id),
    };
    let fail = true;
    const handler = createDixaWebhookReceiver({ secret, dedupeStore: legacy }).fetchHandler(
      async () => {
        if (fail) throw new Error("down");
      },
      { onError: () => undefined },
    );
    const event = sampleDixaEvent("CONVERSATION_CREATED");
    const deliver = async () => {
      const { body, headers } = await signDixaWebhook(event, secret);
      const response = await handler(
        new Request("http://localhost/", { method: "POST", body, headers }),
      );
      return `${response.status} ${await response.text()}`;
    };
    expect(await deliver()).toMatch(/^500 /);
    fail = false;
    expect(await deliver()).toBe("200 ok"); // released without a token, handled afresh
    expect(await deliver()).toBe("200 duplicate");
  });
});
