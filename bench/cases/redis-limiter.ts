/**
 * The Redis limiter (dixa-beta/redis) against a redis-server started here on loopback, each
 * scenario idle and with a CPU-bound process beside it:
 *   - admission latency it adds per request when the limiter is idle (no queue, room in the
 *     rule), with ioredis and with node-redis, each next to its own PING, as median and p99
 *     (and the in-memory limiter's); the target is at most 1.5 PINGs with each client;
 *   - four worker processes with 40-call backlogs each on one token: every worker's share of the
 *     arrivals in every 4 s window, and the rule at the bench server (which enforces 10/s
 *     burst 4);
 *   - one worker keeping 200 background calls waiting while another makes 20 interactive calls:
 *     how soon each goes, and the rule at the server.
 * The workers are test/redis/fixtures/worker.ts, each with its own client and Redis connection.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { RateLimiter } from "../../src/index.js";
import {
  createRedisRateLimiter,
  type RedisClientLike,
  type RedisRateLimiter,
} from "../../src/redis/index.js";
import { scriptRunner } from "../../src/redis/redis-client.js";
import type { LuaScript } from "../../src/redis/scripts.js";
import { connectRedis, redisLibraries } from "../../test/support/redis-clients.js";
import { startRedisServer } from "../../scripts/lib/redis-server.js";
import type { Result } from "../report.js";
import { median, quantile } from "../stats.js";
import {
  idleAndBusy,
  interactiveRow,
  limitStats,
  ruleRows,
  shareRows,
  type Conditions,
} from "./at-the-server.js";

const name = "6 Redis limiter";

export async function redisLimiter(baseUrl: string): Promise<Result[]> {
  const redis = await startRedisServer();
  try {
    return [
      ...(await idleAndBusy((conditions) => admissionLatency(redis.url, conditions))),
      ...(await idleAndBusy((conditions) => fourBacklogs(redis.url, baseUrl, conditions))),
      ...(await idleAndBusy((conditions) => interactiveAcross(redis.url, baseUrl, conditions))),
    ];
  } finally {
    await redis.stop();
  }
}

/**
 * Idle: 20 tokens taken in turn, one acquire every 10 ms, so each token sees one request per
 * 200 ms and never waits. What is measured is the round trip of the admission script, beside a
 * PING on the same connection, for each client library (ioredis and node-redis, each on its own
 * connection, in one loop); the operations run in an order that rotates every round, so each is
 * the first after the pause (the slowest place) as often as the others. For scale, the floor of
 * any script-based admission: a script that only reads Redis's clock, sent with the same keys and
 * arguments as an idle admission and answering in its shape.
 */
async function admissionLatency(redisUrl: string, conditions: Conditions): Promise<Result[]> {
  const clients = await Promise.all(
    redisLibraries.map(async (library) => ({
      library,
      ...(await connectRedis(library, redisUrl)),
    })),
  );
  try {
    const ops: { name: string; run: (i: number) => Promise<unknown> }[] = [];
    const local = Array.from({ length: 20 }, () => new RateLimiter());
    ops.push({ name: "in-memory", run: (i) => admit(local[i % local.length]!) });
    for (const { library, client } of clients) {
      const limiters = Array.from({ length: 20 }, (_, i) =>
        createRedisRateLimiter({
          redis: client,
          apiKey: `bench-${library}-${Date.now()}-${i}`,
          workers: 1,
        }),
      );
      const run = scriptRunner(client, library);
      const keys = ["a", "b", "c", "d", "e"].map((k) => `bench-floor:{${library}}:${k}`);
      ops.push(
        { name: `${library} admission`, run: (i) => admit(limiters[i % limiters.length]!) },
        { name: `${library} PING`, run: () => ping(client) },
        {
          name: `${library} floor`,
          run: (i) => run(clockOnly, keys, ["1", "", "epoch", "0", "0", `floor-${i}:1`]),
        },
      );
    }
    const samples = new Map(ops.map((op) => [op.name, [] as number[]]));
    const rounds = 600;
    for (let i = 0; i < rounds + 20; i++) {
      const first = i % ops.length;
      for (const op of [...ops.slice(first), ...ops.slice(0, first)]) {
        const t = performance.now();
        await op.run(i);
        if (i >= 20) samples.get(op.name)!.push((performance.now() - t) * 1000); // 20 warm up
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const caseName = `${name} (${conditions})`;
    const row = (metric: string, values: number[]): Result => ({
      case: caseName,
      name: `${metric} median (p99 ${quantile(values, 0.99).toFixed(0)} µs, n=${values.length})`,
      value: median(values),
      unit: "µs",
    });
    const results = [row("admission, in-memory limiter, idle", samples.get("in-memory")!)];
    for (const { library } of clients) {
      const of = (what: string) => samples.get(`${library} ${what}`)!;
      const ratio = median(of("admission")) / median(of("PING"));
      const floor = median(of("floor")) / median(of("PING"));
      results.push(
        row(`${library}: admission, Redis limiter, idle`, of("admission")),
        row(`${library}: PING round trip, for scale`, of("PING")),
        row(`${library}: a script reading only TIME, same arguments (floor)`, of("floor")),
        {
          case: caseName,
          name: `${library}: floor / PING (median), for scale`,
          value: floor,
          unit: "x",
        },
        {
          case: caseName,
          name: `${library}: Redis admission / PING (median)`,
          value: ratio,
          unit: "x",
          ratio,
          target: "<= 1.5",
          pass: ratio <= 1.5,
        },
      );
    }
    return results;
  } finally {
    for (const { close } of clients) await close();
  }
}

/** A script that does the least an admission must: read Redis's clock; answered in its shape. */
const clockOnly: LuaScript = {
  name: "clock only",
  source: `local t = redis.call('TIME')
return { { ARGV[#ARGV] }, t[1] .. '.' .. t[2], t[1], '-1', ARGV[3], -1, 1, 0 }`,
};

async function admit(limiter: RateLimiter | RedisRateLimiter): Promise<void> {
  const ticket = await limiter.acquire();
  ticket.settle();
  if (ticket.waitedMs > 1) {
    throw new Error(`the idle limiter made a caller wait ${ticket.waitedMs} ms`);
  }
}

function ping(client: RedisClientLike): Promise<unknown> {
  return (client as unknown as { ping(): Promise<unknown> }).ping();
}

/** Four workers (two on ioredis, two on node-redis), 40 calls each at once, one token. */
async function fourBacklogs(
  redisUrl: string,
  baseUrl: string,
  conditions: Conditions,
): Promise<Result[]> {
  const caseName = `${name}: 4 processes, 40-call backlogs (${conditions})`;
  await limitStats(baseUrl);
  const apiKey = `bench-redis-backlogs-${Date.now()}`;
  const libraries = ["ioredis", "node-redis", "ioredis", "node-redis"];
  const workers = libraries.map((library, i) =>
    startWorker(redisUrl, baseUrl, apiKey, library, { LABEL: `w${i}`, REQUESTS: "40" }),
  );
  try {
    await Promise.all(workers.map((w) => w.said("ready")));
    for (const w of workers) w.child.send("go");
    const reports = await Promise.all(workers.map((w) => w.finished));
    const failed = reports.reduce((sum, r) => sum + (40 - r.ok), 0);
    const stats = await limitStats(baseUrl);
    return [...shareRows(caseName, stats), ...ruleRows(caseName, stats, failed)];
  } finally {
    for (const w of workers) w.kill();
  }
}

/** One worker keeps 200 background calls waiting; another makes 20 interactive calls. */
async function interactiveAcross(
  redisUrl: string,
  baseUrl: string,
  conditions: Conditions,
): Promise<Result[]> {
  const caseName = `${name}: interactive in one process, background in another (${conditions})`;
  await limitStats(baseUrl);
  const apiKey = `bench-redis-lanes-${Date.now()}`;
  const backlog = startWorker(redisUrl, baseUrl, apiKey, "ioredis", {
    LABEL: "backlog",
    MODE: "backlog",
    WAITING: "200",
  });
  const tries = startWorker(redisUrl, baseUrl, apiKey, "node-redis", {
    LABEL: "interactive",
    MODE: "tries",
    TRIES: "20",
    SPACING: "250",
  });
  try {
    await Promise.all([backlog.said("ready"), tries.said("ready")]);
    backlog.child.send("go");
    await backlog.said("queued");
    tries.child.send("go");
    const asked = await tries.finished;
    backlog.child.send("stop");
    const kept = await backlog.finished;
    const failed = asked.failures.length + kept.failures.length;
    return [
      interactiveRow(caseName, asked.latenciesMs ?? []),
      ...ruleRows(caseName, await limitStats(baseUrl), failed),
    ];
  } finally {
    backlog.kill();
    tries.kill();
  }
}

interface WorkerReport {
  ok: number;
  failures: unknown[];
  latenciesMs?: number[];
}

function startWorker(
  redisUrl: string,
  baseUrl: string,
  apiKey: string,
  library: string,
  extra: Record<string, string>,
) {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "test/redis/fixtures/worker.ts"],
    {
      env: {
        ...process.env,
        REDIS_LIBRARY: library,
        REDIS_URL: redisUrl,
        BASE_URL: baseUrl,
        DIXA_API_KEY: apiKey,
        WORKERS: "4",
        ...extra,
      },
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    },
  );
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return {
    child,
    said: (what: string) =>
      new Promise<void>((resolve, reject) => {
        child.on("message", (message) => message === what && resolve());
        void exited.then((code) =>
          reject(new Error(`worker exited with ${code} before "${what}"`)),
        );
      }),
    finished: exited.then((code) => {
      if (code !== 0) throw new Error(`worker exited with ${code}`);
      return JSON.parse(stdout.trim().split("\n").at(-1)!) as WorkerReport;
    }),
    kill: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
