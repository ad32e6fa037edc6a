/**
 * The Redis limiter (dixa-beta/redis) against a redis-server started here on loopback, each
 * scenario idle and with a CPU-bound process beside it:
 *   - admission latency it adds per request when the limiter is idle (no queue, room in the
 *     rule), next to the in-memory limiter's and a bare Redis PING, as median and p99; the
 *     target is at most 1.5 PINGs;
 *   - four worker processes with 40-call backlogs each on one token: every worker's share of the
 *     arrivals in every 4 s window, and the rule at the bench server (which enforces 10/s
 *     burst 4);
 *   - one worker keeping 200 background calls waiting while another makes 20 interactive calls:
 *     how soon each goes, and the rule at the server.
 * The workers are test/redis/fixtures/worker.ts, each with its own client and Redis connection.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { RateLimiter } from "../../src/index.js";
import { createRedisRateLimiter } from "../../src/redis/index.js";
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
 * PING on the same connection, in an order that changes every round.
 */
async function admissionLatency(redisUrl: string, conditions: Conditions): Promise<Result[]> {
  const client = new Redis(redisUrl);
  try {
    const tokens = Array.from({ length: 20 }, (_, i) => `bench-redis-${Date.now()}-${i}`);
    const shared = tokens.map((apiKey) =>
      createRedisRateLimiter({ redis: client, apiKey, workers: 1 }),
    );
    const local = tokens.map(() => new RateLimiter());
    const samples = { redis: [] as number[], local: [] as number[], ping: [] as number[] };
    const rounds = 600;
    for (let i = 0; i < rounds + 20; i++) {
      const order =
        i % 2 === 0 ? (["redis", "local", "ping"] as const) : (["ping", "local", "redis"] as const);
      for (const what of order) {
        const t = performance.now();
        if (what === "ping") await client.ping();
        else {
          const ticket = await (what === "redis" ? shared : local)[i % tokens.length]!.acquire();
          ticket.settle();
          if (ticket.waitedMs > 1) {
            throw new Error(`the idle limiter made a caller wait ${ticket.waitedMs} ms`);
          }
        }
        if (i >= 20) samples[what].push((performance.now() - t) * 1000); // the first 20 warm up
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const row = (metric: string, values: number[]): Result => ({
      case: `${name} (${conditions})`,
      name: `${metric} median (p99 ${quantile(values, 0.99).toFixed(0)} µs, n=${values.length})`,
      value: median(values),
      unit: "µs",
    });
    const ratio = median(samples.redis) / median(samples.ping);
    return [
      row("admission, Redis limiter, idle", samples.redis),
      row("admission, in-memory limiter, idle", samples.local),
      row("Redis PING round trip, for scale", samples.ping),
      {
        case: `${name} (${conditions})`,
        name: "Redis admission / PING (median)",
        value: ratio,
        unit: "x",
        ratio,
        target: "<= 1.5",
        pass: ratio <= 1.5,
      },
    ];
  } finally {
    client.disconnect();
  }
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
