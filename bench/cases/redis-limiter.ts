/**
 * The Redis limiter (dixa-beta/redis) against a redis-server started here on loopback:
 *   - admission latency it adds per request when the limiter is idle (no queue, room in the
 *     rule), next to the in-memory limiter's and a bare Redis PING, as median and p99;
 *   - the aggregate rate 4 worker processes on one token reach at the bench server (which
 *     enforces 10/s burst 4), as a ratio of 10/s, and the 429s they collect.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { RateLimiter } from "../../src/index.js";
import { createRedisRateLimiter } from "../../src/redis/index.js";
import { startRedisServer } from "../../scripts/lib/redis-server.js";
import { check, type Result } from "../report.js";
import { median, quantile } from "../stats.js";

const name = "6 Redis limiter";

export async function redisLimiter(baseUrl: string): Promise<Result[]> {
  const redis = await startRedisServer();
  try {
    return [...(await admissionLatency(redis.url)), ...(await fourWorkers(redis.url, baseUrl))];
  } finally {
    await redis.stop();
  }
}

/**
 * Idle: 20 tokens taken in turn, one acquire every 10 ms, so each token sees one request per
 * 200 ms and never waits. What is measured is the round trip of the admission script.
 */
async function admissionLatency(redisUrl: string): Promise<Result[]> {
  const client = new Redis(redisUrl);
  try {
    const tokens = Array.from({ length: 20 }, (_, i) => `bench-redis-${Date.now()}-${i}`);
    const shared = tokens.map((apiKey) =>
      createRedisRateLimiter({ redis: client, apiKey, workers: 1 }),
    );
    const local = tokens.map(() => new RateLimiter());
    const redisSamples: number[] = [];
    const localSamples: number[] = [];
    const pingSamples: number[] = [];
    const rounds = 600;
    for (let i = 0; i < rounds + 20; i++) {
      for (const [limiters, samples] of [
        [shared, redisSamples],
        [local, localSamples],
      ] as const) {
        const t = performance.now();
        const ticket = await limiters[i % limiters.length]!.acquire();
        const elapsed = performance.now() - t;
        ticket.settle();
        if (ticket.waitedMs > 1)
          throw new Error(`the idle limiter made a caller wait ${ticket.waitedMs} ms`);
        if (i >= 20) samples.push(elapsed * 1000); // the first 20 warm up
      }
      const t = performance.now();
      await client.ping();
      if (i >= 20) pingSamples.push((performance.now() - t) * 1000);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const row = (metric: string, samples: number[]): Result => ({
      case: name,
      name: `${metric} median (p99 ${quantile(samples, 0.99).toFixed(0)} µs, n=${samples.length})`,
      value: median(samples),
      unit: "µs",
    });
    return [
      row("admission, Redis limiter, idle", redisSamples),
      row("admission, in-memory limiter, idle", localSamples),
      row("Redis PING round trip, for scale", pingSamples),
      {
        case: name,
        name: "Redis admission / PING (median)",
        value: median(redisSamples) / median(pingSamples),
        unit: "x",
      },
    ];
  } finally {
    client.disconnect();
  }
}

/** 4 worker processes (2 on ioredis, 2 on node-redis), 60 requests each, one token. */
async function fourWorkers(redisUrl: string, baseUrl: string): Promise<Result[]> {
  await fetch(`${baseUrl}/__limit-stats`).then((r) => r.text()); // fresh server-side bucket
  const apiKey = `bench-redis-workers-${Date.now()}`;
  const libraries = ["ioredis", "node-redis", "ioredis", "node-redis"];
  const children: ChildProcess[] = [];
  try {
    const workers = libraries.map((library) => {
      const child = spawn(process.execPath, ["--import", "tsx", "test/redis/fixtures/worker.ts"], {
        env: {
          ...process.env,
          REDIS_LIBRARY: library,
          REDIS_URL: redisUrl,
          BASE_URL: baseUrl,
          DIXA_API_KEY: apiKey,
          REQUESTS: "60",
          WORKERS: "4",
        },
        stdio: ["ignore", "pipe", "inherit", "ipc"],
      });
      children.push(child);
      let stdout = "";
      child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      const ready = new Promise<void>((resolve, reject) => {
        child.once("message", () => resolve());
        child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
      });
      const finished = new Promise<{ ok: number }>((resolve, reject) =>
        child.once("exit", (code) => {
          if (code !== 0) reject(new Error(`worker exited with ${code}`));
          else resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as { ok: number });
        }),
      );
      return { child, ready, finished };
    });
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.send("go");
    const reports = await Promise.all(workers.map((w) => w.finished));
    const stats = (await (await fetch(`${baseUrl}/__limit-stats`)).json()) as {
      accepted: number[];
      rejected: number;
    };
    const failed = reports.reduce((sum, r) => sum + (60 - r.ok), 0);
    const span = (stats.accepted.at(-1)! - stats.accepted[0]!) / 1000;
    const rate = (stats.accepted.length - 1) / span;
    const ratio = rate / 10;
    return [
      { case: name, name: "4 processes: aggregate rate at the server", value: rate, unit: "req/s" },
      {
        case: name,
        name: "4 processes: achieved / 10 per s",
        value: ratio,
        unit: "x",
        ratio,
        target: ">= 0.9",
        pass: check(ratio, ">= 0.9"),
      },
      {
        case: name,
        name: "4 processes: 429 answers (and failed calls)",
        value: stats.rejected + failed,
        unit: "",
        ratio: stats.rejected + failed,
        target: "<= 0",
        pass: stats.rejected + failed === 0,
      },
    ];
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  }
}
