/**
 * What one idle admission costs Redis (issue #24: admission close to a PING): the step sends only
 * what changes from call to call (the rule's settings are written into the script). Counted on a
 * redis-server of its own (its SLOWLOG, set to keep every command, shows each command with its
 * arguments), with both Redis libraries.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRedisRateLimiter } from "../../src/redis/index.js";
import { connectRedis, redisLibraries, type RedisLibrary } from "../support/redis-clients.js";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server.js";

let server: RedisServer;
let admin: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
  await admin.config("SET", "slowlog-log-slower-than", "0");
  await admin.config("SET", "slowlog-max-len", "10000");
});

afterAll(async () => {
  admin?.disconnect();
  await server?.stop();
});

/** [command, ...arguments] of every command Redis ran (scripts' own commands included), oldest first. */
async function commandsRun(): Promise<string[][]> {
  const log = (await admin.slowlog("GET", 10000)) as [number, number, number, string[]][];
  return log
    .map((entry) => entry[3].map(String))
    .filter(([command]) => !/^(slowlog|config)$/i.test(command!))
    .reverse();
}

/**
 * A limiter on its own connection whose script is loaded and first request recorded (by EVAL,
 * which the tests do not count), with the SLOWLOG emptied after it.
 */
async function primedLimiter(library: RedisLibrary, apiKey: string) {
  const connection = await connectRedis(library, server.url);
  const limiter = createRedisRateLimiter({ redis: connection.client, apiKey, workers: 1 });
  (await limiter.acquire()).settle();
  await admin.slowlog("RESET");
  return { limiter, close: connection.close };
}

it.each(redisLibraries)(
  "an idle admission with %s: the settings are never sent, one ZADD for the answer, one for the admission",
  async (library) => {
    const { limiter, close } = await primedLimiter(library, `step-cost-${library}`);
    try {
      const steps = 4;
      for (let i = 0; i < steps; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150)); // room in the rule: none waits
        const ticket = await limiter.acquire();
        expect(ticket.waitedMs).toBe(0);
        ticket.settle();
      }
      const commands = await commandsRun();
      const calls = commands.filter(([command]) => /^evalsha$/i.test(command!));
      expect(calls).toHaveLength(steps);
      for (const call of calls) {
        // EVALSHA, sha, numkeys, 5 keys, 5 per-step values, the previous request's answer
        // (id, latest arrival) and the one waiter: 16 in all (27 when the rule's 11 settings
        // were sent with every step).
        expect(call, call.join(" ")).toHaveLength(16);
        expect(call[2]).toBe("5");
      }
      // The previous request's answer: one ZADD XX (never bringing back a forgotten request);
      // the admission: one ZADD.
      const zadds = commands.filter(([command]) => /^zadd$/i.test(command!));
      expect(zadds.map((zadd) => zadd.length)).toEqual(
        Array.from({ length: steps }, () => [5, 4]).flat(),
      );
      expect(zadds.filter((zadd) => /^XX$/i.test(zadd[2]!))).toHaveLength(steps);
      // The common path (one caller, nobody queued, the epoch as expected): each command once,
      // no queue or turn bookkeeping, and the latest arrivals in whole milliseconds.
      const perStep = commands.filter(([command]) => !/^evalsha$/i.test(command!));
      expect(perStep.map(([command]) => command!.toUpperCase())).toEqual(
        Array.from({ length: steps }, () => [
          "TIME",
          "GETEX",
          "EXISTS",
          "ZREMRANGEBYSCORE",
          "ZADD",
          "ZCARD",
          "ZREVRANGEBYSCORE",
          "ZADD",
          "PEXPIRE",
        ]).flat(),
      );
      for (const zadd of zadds)
        expect(Number(zadd.at(-2)), zadd.join(" ")).toSatisfy(Number.isInteger);
    } finally {
      await close();
    }
  },
);

it.each(redisLibraries)(
  "one caller at the rule's limit with %s: a step without room reads the epoch and forgets old requests once",
  async (library) => {
    const { limiter, close } = await primedLimiter(library, `step-cost-limit-${library}`);
    try {
      // One after another, past the burst: some steps find no room and wait for it.
      let waited = 0;
      for (let i = 0; i < 6; i++) {
        const ticket = await limiter.acquire();
        if (ticket.waitedMs > 0) waited++;
        ticket.settle();
      }
      expect(waited).toBeGreaterThan(0);
      // Each script run's commands, split at each TIME (a step's first command).
      const commands = (await commandsRun()).filter(([command]) => !/^evalsha$/i.test(command!));
      const steps: string[][] = [];
      for (const [command] of commands) {
        if (/^time$/i.test(command!)) steps.push([]);
        steps.at(-1)!.push(command!.toUpperCase());
      }
      expect(steps.length).toBeGreaterThan(6); // steps without room among them
      for (const step of steps) {
        const times = (name: string) => step.filter((command) => command === name).length;
        expect(times("GETEX"), step.join(" ")).toBe(1);
        expect(times("ZREMRANGEBYSCORE"), step.join(" ")).toBe(1);
        expect(times("ZREVRANGEBYSCORE"), step.join(" ")).toBe(1);
      }
    } finally {
      await close();
    }
  },
);
