/**
 * Several worker processes on one token, each with its own client and Redis connection (two with
 * ioredis, two with node-redis), against a limit server in its own process that answers 429 when
 * the token goes over Dixa's limit. What counts is measured at that server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createRedisRateLimiter } from "../../src/redis/index.js";
import { tokenKeys } from "../../src/redis/token-keys.js";
import { maxInWindow } from "../support/dixa-rate-limit.js";
import { connectRedis, type RedisLibrary } from "../support/redis-clients.js";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server.js";
import { projectRoot } from "../support/run-script.js";
import { asDixasGateway } from "../support/separate-processes.js";

interface WorkerReport {
  ok: number;
  latenciesMs?: number[];
  failures: { dixaError: boolean; message: string }[];
  events: { type: string; at: number }[];
  mode: string;
  seconds: number;
}

interface Stats {
  arrivals: number[];
  /** The worker (its LABEL) of each arrival. */
  workers: string[];
  accepted: number;
  rejected: number;
}

/** Every process started here, killed with this one if it dies first. */
const children = new Set<ChildProcess>();
/** The workers of the current test, killed when it ends (also when it fails half way). */
const runningWorkers = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

let redis: RedisServer;
let limitServer: { url: string; stop(): void };

beforeAll(async () => {
  redis = await startRedisServer();
  limitServer = await startLimitServer();
});

afterEach(() => {
  // A test that failed half way leaves no worker behind.
  for (const child of runningWorkers) if (child.exitCode === null) child.kill("SIGKILL");
  runningWorkers.clear();
});

afterAll(async () => {
  limitServer?.stop();
  await redis?.stop();
});

function spawnTsx(script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

async function startLimitServer() {
  const child = spawnTsx("test/redis/fixtures/limit-server.ts", {});
  asDixasGateway(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once("exit", (code) => reject(new Error(`limit server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

interface Finished {
  code: number | null;
  stderr: string;
  report: WorkerReport | undefined;
}

interface Worker {
  /** Resolves when the worker has its client and waits for "go". */
  ready: Promise<void>;
  /** MODE=backlog: resolves when its callers all wait. */
  queued: Promise<void>;
  go(): void;
  /** MODE=backlog: lets its callers go and ends. */
  stop(): void;
  /** Sends the process a signal (SIGSTOP, SIGCONT). */
  signal(name: NodeJS.Signals): void;
  finished: Promise<Finished>;
}

function startWorker(env: Record<string, string>, timeoutMs: number): Worker {
  const child = spawnTsx("test/redis/fixtures/worker.ts", env);
  runningWorkers.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const said = (what: string) => {
    const heard = new Promise<void>((resolve, reject) => {
      child.on("message", (message) => message === what && resolve());
      child.once("exit", (code) =>
        reject(new Error(`worker exited with ${code} before it said ${what}: ${stderr}`)),
      );
    });
    heard.catch(() => undefined); // awaited by the test; a worker that dies later is not "unhandled"
    return heard;
  };
  const ready = said("ready");
  const queued = said("queued");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finished = new Promise<Finished>((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split("\n").at(-1);
      let report: WorkerReport | undefined;
      try {
        report = line ? (JSON.parse(line) as WorkerReport) : undefined;
      } catch {
        report = undefined;
      }
      resolve({ code, stderr, report });
    }),
  );
  return {
    ready,
    queued,
    stop: () => child.send("stop"),
    signal: (name) => child.kill(name),
    go: () => {
      child.send("go");
      // A worker that does not end on its own is a failure (a leaked timer or connection, a hang).
      timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    },
    finished,
  };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function statsFor(apiKey: string): Promise<Stats> {
  const response = await fetch(`${limitServer.url}/__stats?token=${encodeURIComponent(apiKey)}`);
  return (await response.json()) as Stats;
}

const libraries: RedisLibrary[] = ["ioredis", "node-redis", "ioredis", "node-redis"];

/** What every worker on `apiKey` needs to know. */
function workerEnv(apiKey: string, library: RedisLibrary, label: string) {
  return {
    REDIS_LIBRARY: library,
    REDIS_URL: redis.url,
    BASE_URL: limitServer.url,
    DIXA_API_KEY: apiKey,
    WORKERS: String(libraries.length),
    LABEL: label,
  };
}

/** Starts the workers, waits until each is ready, then lets them all go at once. */
async function runWorkers(apiKey: string, requests: number, timeoutMs: number) {
  const workers = libraries.map((library, i) =>
    startWorker({ ...workerEnv(apiKey, library, `w${i}`), REQUESTS: String(requests) }, timeoutMs),
  );
  await Promise.all(workers.map((worker) => worker.ready));
  for (const worker of workers) worker.go();
  return Promise.all(workers.map((worker) => worker.finished));
}

function describeArrivals(arrivals: number[]) {
  const times = [...arrivals].sort((a, b) => a - b);
  const spanSeconds = (times.at(-1)! - times[0]!) / 1000;
  return {
    count: times.length,
    perSecondMax: maxInWindow(times, 1000),
    per100msMax: maxInWindow(times, 100),
    rate: (times.length - 1) / spanSeconds,
  };
}

/**
 * Sized to what the assertions need, not more: each run is long enough for several rolling
 * seconds at the full 10/s (100 arrivals, about 10 s), so "at most 10 in any second" and "at
 * least 9 per second together" are measured over many windows.
 */
describe("4 worker processes, one token", () => {
  it("25 requests each: no 429, at most 10 arrivals in any second, and at least 9 per second together", async () => {
    const apiKey = `many-workers-${process.pid}`;
    const finished = await runWorkers(apiKey, 25, 90_000);
    for (const { code, stderr, report } of finished) {
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(report?.failures).toEqual([]);
      expect(report?.ok).toBe(25);
      expect(report?.mode).toBe("redis");
    }
    const stats = await statsFor(apiKey);
    const seen = describeArrivals(stats.arrivals);
    console.log(`4 workers × 25 at the server: ${JSON.stringify(seen)}`);
    expect(stats.rejected).toBe(0);
    expect(seen.count).toBe(100);
    expect(seen.perSecondMax).toBeLessThanOrEqual(10);
    expect(seen.per100msMax).toBeLessThanOrEqual(5);
    expect(seen.rate).toBeGreaterThanOrEqual(9);
    // The workers take turns: each has a good part of the first half of the arrivals (a quarter,
    // 12 or 13, when none is ever late; a worker busier than the rest may lose some turns, never
    // all, and never half).
    const firstHalf = stats.workers.slice(0, 50);
    for (const label of ["w0", "w1", "w2", "w3"]) {
      expect(firstHalf.filter((worker) => worker === label).length, label).toBeGreaterThan(6);
    }
  }, 120_000);

  it("an interactive call of one worker goes ahead of another worker's background backlog", async () => {
    const apiKey = `many-workers-lanes-${process.pid}`;
    const waiting = 40;
    const backlog = startWorker(
      { ...workerEnv(apiKey, "ioredis", "backlog"), MODE: "backlog", WAITING: String(waiting) },
      60_000,
    );
    const tries = startWorker(
      {
        ...workerEnv(apiKey, "node-redis", "interactive"),
        MODE: "tries",
        TRIES: "3",
        SPACING: "200",
      },
      60_000,
    );
    await Promise.all([backlog.ready, tries.ready]);
    backlog.go();
    await backlog.queued;
    tries.go();
    const asked = await tries.finished;
    backlog.stop();
    const kept = await backlog.finished;
    for (const { code, stderr, report } of [asked, kept]) {
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(report?.failures).toEqual([]);
    }
    expect(asked.report?.ok).toBe(3);
    const stats = await statsFor(apiKey);
    expect(stats.rejected).toBe(0);
    // Between two interactive calls the backlog's 40 waiting calls did not all go first (they
    // would have, one lane for all): only those let through while the next call was not asked.
    const at = stats.workers.flatMap((worker, i) => (worker === "interactive" ? [i] : []));
    expect(at).toHaveLength(3);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]! - 1).toBeLessThan(waiting);
    expect(describeArrivals(stats.arrivals).perSecondMax).toBeLessThanOrEqual(10);
  }, 90_000);

  it("a worker stopped (SIGSTOP) while its callers wait holds nobody up, and goes on when resumed", async () => {
    const apiKey = `many-workers-stopped-${process.pid}`;
    const stopped = startWorker(
      { ...workerEnv(apiKey, "ioredis", "stopped"), REQUESTS: "20" },
      60_000,
    );
    const other = startWorker(
      { ...workerEnv(apiKey, "node-redis", "other"), REQUESTS: "20" },
      60_000,
    );
    await Promise.all([stopped.ready, other.ready]);
    stopped.go();
    other.go();
    await until(async () => (await statsFor(apiKey)).arrivals.length >= 8);
    stopped.signal("SIGSTOP");
    // Shorter than transitAllowanceMs and leaseMs: its places are kept, its turns pass on.
    await new Promise((resolve) => setTimeout(resolve, 700));
    stopped.signal("SIGCONT");
    const finished = await Promise.all([stopped.finished, other.finished]);
    for (const { code, stderr, report } of finished) {
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(report?.ok).toBe(20);
    }
    const stats = await statsFor(apiKey);
    expect(stats.rejected).toBe(0);
    const seen = describeArrivals(stats.arrivals);
    expect(seen.perSecondMax).toBeLessThanOrEqual(10);
    // While the stopped worker sent nothing (its longest silence), the other went on.
    const own = stats.workers.flatMap((worker, i) => (worker === "stopped" ? [i] : []));
    let widest = 0;
    for (let i = 1; i < own.length; i++) widest = Math.max(widest, own[i]! - own[i - 1]! - 1);
    expect(widest).toBeGreaterThanOrEqual(3);
  }, 90_000);

  it("Redis killed mid-run and restarted: every call completes, each worker falls back and returns", async () => {
    const apiKey = `many-workers-outage-${process.pid}`;
    // 120 calls: about 12 s at the full limit, so most are still waiting when Redis returns
    // (each worker needs callers left to probe with and to return to Redis for).
    const running = runWorkers(apiKey, 30, 120_000);
    // Kill Redis 1 s after the first request arrived, bring it back 2 s later (the outage
    // outlasts commandTimeoutMs and a probe interval, so every worker falls back).
    await until(async () => (await statsFor(apiKey)).arrivals.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await redis.restart();
    const finished = await running;
    const stats = await statsFor(apiKey);
    const seen = describeArrivals(stats.arrivals);
    console.log(
      `outage run at the server: ${JSON.stringify({ ...seen, rejected: stats.rejected })}; each worker's limiter events: ${JSON.stringify(finished.map((f) => f.report?.events.map((e) => `${e.type} at ${Math.round(e.at)} ms`)))}`,
    );
    for (const { code, stderr, report } of finished) {
      expect(stderr).toBe("");
      expect(code).toBe(0);
      // Every call either completed or failed with a DixaError that says why.
      expect(report!.ok + report!.failures.length).toBe(30);
      expect(report!.failures.filter((f) => !f.dixaError)).toEqual([]);
      const types = report!.events.map((e) => e.type);
      expect(types).toContain("redis-rate-limit-fallback");
      expect(types).toContain("redis-rate-limit-restored");
      expect(types.indexOf("redis-rate-limit-fallback")).toBeLessThan(
        types.lastIndexOf("redis-rate-limit-restored"),
      );
      expect(report!.mode).toBe("redis");
    }
    expect(stats.rejected).toBe(0);
    expect(seen.perSecondMax).toBeLessThanOrEqual(10);
  }, 150_000);

  it("a worker killed while waiting blocks nobody, and its places lapse", async () => {
    const apiKey = `many-workers-dead-${process.pid}`;
    const doomed = spawnTsx("test/redis/fixtures/worker.ts", {
      MODE: "queue",
      REDIS_LIBRARY: "ioredis",
      REDIS_URL: redis.url,
      DIXA_API_KEY: apiKey,
      WORKERS: "2",
    });
    runningWorkers.add(doomed);
    await new Promise<void>((resolve, reject) => {
      doomed.stdout!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("queued")) resolve();
      });
      doomed.once("exit", (code) => reject(new Error(`the queueing worker exited with ${code}`)));
    });
    doomed.kill("SIGKILL");
    const connection = await connectRedis("node-redis", redis.url);
    try {
      const keys = await tokenKeys(apiKey, "dixa-beta:rate-limit:");
      const inspect = new Redis(redis.url);
      try {
        const limiter = createRedisRateLimiter({ redis: connection.client, apiKey, workers: 2 });
        const tickets = await Promise.all(Array.from({ length: 3 }, () => limiter.acquire()));
        for (const ticket of tickets) ticket.settle();
        expect(limiter.mode).toBe("redis");
        // The dead worker's callers were ahead in the queue and still are (their lease has not
        // lapsed yet), yet they held nobody up: a turn left untaken passes to the next process.
        expect(await inspect.zcard(keys.lanes)).toBeGreaterThan(0);
        // And once their lease lapses they are gone.
        const deadline = Date.now() + 10_000;
        while ((await inspect.zcard(keys.lanes)) > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await inspect.zcard(keys.lanes)).toBe(0);
      } finally {
        inspect.disconnect();
      }
    } finally {
      await connection.close();
    }
  }, 30_000);
});
