/**
 * createRedisDedupeStore on a real redis-server, with both Redis libraries: two receivers (each
 * with its own connection, as two processes would have) share it, and concurrent copies of one
 * delivery reach both: exactly one runs the handler. A handler that fails releases its claim, so
 * the redelivery is handled.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server.js";
import { createRedisDedupeStore } from "../../src/redis/index.js";
import {
  createDixaWebhookReceiver,
  sampleDixaEvent,
  signDixaWebhook,
  type DixaWebhookEvent,
} from "../../src/webhooks/index.js";
import { connectRedis, redisLibraries, type ConnectedRedis } from "../support/redis-clients.js";

const secret = "2a".repeat(32);
let server: RedisServer;
const connections: ConnectedRedis[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  await server?.stop();
});

async function connect(library: (typeof redisLibraries)[number]) {
  const connection = await connectRedis(library, server.url);
  connections.push(connection);
  return connection;
}

describe.each(redisLibraries)("createRedisDedupeStore with %s", (library) => {
  /** Two receivers on one Redis, each through its own connection, and what their onEvent saw. */
  async function twoReceivers(onEvent: (event: DixaWebhookEvent) => Promise<void>) {
    const handlers: ((request: Request) => Promise<Response>)[] = [];
    for (let i = 0; i < 2; i++) {
      const { client } = await connect(library);
      const receiver = createDixaWebhookReceiver({
        secret,
        dedupeStore: createRedisDedupeStore({ redis: client, keyPrefix: `test:${library}:` }),
      });
      handlers.push(receiver.fetchHandler(onEvent, { onError: () => undefined }));
    }
    return async (i: number, body: string, headers: Record<string, string>) => {
      const response = await handlers[i % 2]!(
        new Request("http://localhost/", { method: "POST", body, headers }),
      );
      return { status: response.status, text: await response.text() };
    };
  }

  it("concurrent copies at two receivers: exactly one runs the handler", async () => {
    const handled: string[] = [];
    const send = await twoReceivers(async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      handled.push(event.event_id);
    });
    for (let round = 0; round < 5; round++) {
      const event = sampleDixaEvent("CONVERSATION_CREATED");
      const copies = await Promise.all(
        Array.from({ length: 8 }, () => signDixaWebhook(event, secret)),
      );
      const answers = await Promise.all(
        copies.map(({ body, headers }, i) => send(i, body, headers)),
      );
      expect(handled.filter((id) => id === event.event_id)).toHaveLength(1);
      expect(answers.filter((a) => a.text === "ok")).toHaveLength(1);
      // The others: a duplicate, or (at the other receiver, while the first is still at it)
      // asked to come back later; never handled twice, never an error.
      for (const answer of answers) {
        expect(["ok", "duplicate", "being handled by another receiver"]).toContain(answer.text);
      }
      // Once handled, every copy at either receiver is a duplicate.
      for (let i = 0; i < 2; i++) {
        expect(await send(i, copies[0]!.body, copies[0]!.headers)).toEqual({
          status: 200,
          text: "duplicate",
        });
      }
    }
  });

  it("a handler that fails releases the claim: the redelivery, at the other receiver, is handled", async () => {
    let fail = true;
    const handled: string[] = [];
    const send = await twoReceivers(async (event) => {
      if (fail) throw new Error("the database is down");
      handled.push(event.event_id);
    });
    const event = sampleDixaEvent("CONVERSATION_NOTE_ADDED");
    const first = await signDixaWebhook(event, secret);
    expect((await send(0, first.body, first.headers)).status).toBe(500);
    fail = false;
    const redelivery = await signDixaWebhook(event, secret);
    expect(await send(1, redelivery.body, redelivery.headers)).toEqual({
      status: 200,
      text: "ok",
    });
    expect(handled).toEqual([event.event_id]);
  });

  it("each step, with Redis's own expiry", async () => {
    const { client } = await connect(library);
    const probe = await connect("ioredis");
    const redis = probe.client as import("ioredis").Redis;
    const store = createRedisDedupeStore({ redis: client, keyPrefix: `steps:${library}:` });
    const key = `steps:${library}:e-1`;
    expect(await store.claim("e-1", 60_000, "t-1")).toBe("claimed");
    expect(await redis.get(key)).toBe("processing:t-1");
    expect(await redis.pttl(key)).toBeGreaterThan(59_000);
    expect(await store.claim("e-1", 60_000)).toBe("in-progress");
    expect(await store.seen("e-1", 60_000)).toBe(true);
    await store.complete("e-1", 3_600_000);
    expect(await redis.get(key)).toBe("done");
    expect(await redis.pttl(key)).toBeGreaterThan(3_599_000);
    expect(await store.claim("e-1", 60_000)).toBe("done");
    await store.forget("e-1");
    expect(await redis.exists(key)).toBe(0);
    expect(await store.seen("e-1", 1.5)).toBe(false); // PX rounds a fraction up
    expect(await store.seen("e-2", 60_000)).toBe(false);
    expect(await store.seen("e-2", 60_000)).toBe(true);
    await expect(store.claim("e-3", 0)).rejects.toThrow(/leaseMs must be a positive number/);
    await expect(store.claim("e-3", 1_000, "")).rejects.toThrow(/token must be a non-empty/);
  });

  it("a release names its claim: a lapsed claim's late release leaves a newer claim, and a handled id, alone", async () => {
    const { client } = await connect(library);
    const probe = await connect("ioredis");
    const redis = probe.client as import("ioredis").Redis;
    const store = createRedisDedupeStore({ redis: client, keyPrefix: `tokens:${library}:` });
    const key = `tokens:${library}:e`;
    expect(await store.claim("e", 60_000, "token-a")).toBe("claimed");
    await redis.pexpire(key, 1); // a's lease runs out (Redis's own clock)
    await expect.poll(() => redis.exists(key)).toBe(0);
    expect(await store.claim("e", 60_000, "token-b")).toBe("claimed");
    await store.forget("e", "token-a"); // a failed, late
    expect(await redis.get(key)).toBe("processing:token-b");
    expect(await store.claim("e", 60_000, "token-c")).toBe("in-progress");
    await store.forget("e", "token-b"); // b's own release works
    expect(await redis.exists(key)).toBe(0);
    expect(await store.claim("e", 60_000, "token-c")).toBe("claimed");
    await store.complete("e", 3_600_000);
    await store.forget("e", "token-c"); // handled since: a late release changes nothing
    expect(await store.claim("e", 60_000, "token-d")).toBe("done");
    await store.forget("e"); // no token: removed whatever it holds (receiver.forget)
    expect(await redis.exists(key)).toBe(0);
  });
});

it("refuses what is not a Redis client, naming it", () => {
  expect(() => createRedisDedupeStore({ redis: {} as never })).toThrow(
    /createRedisDedupeStore: `redis` must be a connected ioredis or node-redis/,
  );
  expect(() => createRedisDedupeStore(undefined as never)).toThrow(TypeError);
});
