/**
 * Many workers, one token: two worker processes (examples/many-workers/worker.ts), each with its
 * own client, send their calls at the same time. Their `rateLimit` is the Redis limiter of
 * dixa-beta/redis, so together they keep to Dixa's 10 requests/s per token instead of 10/s each.
 *
 *   npx tsx examples/many-workers.ts [--calls 15]
 *
 * REDIS_URL names the Redis to share (default: a redis-server started on loopback for the run,
 * if one is installed). With DIXA_API_KEY set the workers call the real API, else a Prism mock.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startPrism, type PrismServer } from "../scripts/lib/prism.js";
import { startRedisServer, type RedisServer } from "../scripts/lib/redis-server.js";

const { values } = parseArgs({ options: { calls: { type: "string", default: "15" } } });
const calls = Number(values.calls);
if (!Number.isSafeInteger(calls) || calls < 1) throw new Error("--calls must be a whole number");

let prism: PrismServer | undefined;
let redis: RedisServer | undefined;
try {
  let apiKey = process.env["DIXA_API_KEY"];
  let baseUrl = process.env["DIXA_BASE_URL"];
  if (!apiKey) {
    console.error("No DIXA_API_KEY: using a Prism mock of openapi/dixa-beta.yaml on loopback");
    prism = await startPrism();
    apiKey = "example-token";
    baseUrl = prism.url;
  }
  let redisUrl = process.env["REDIS_URL"];
  if (!redisUrl) {
    redis = await startRedisServer();
    redisUrl = redis.url;
    console.error(`No REDIS_URL: using a redis-server on ${redisUrl}`);
  }

  const worker = fileURLToPath(new URL("many-workers/worker.ts", import.meta.url));
  const run = (name: string) =>
    new Promise<{ name: string; startedAt: number[] }>((resolve, reject) => {
      const child = fork(worker, {
        execArgv: ["--import", "tsx"],
        stdio: ["ignore", "pipe", "inherit", "ipc"],
        env: {
          ...process.env,
          WORKER_NAME: name,
          DIXA_API_KEY: apiKey,
          DIXA_BASE_URL: baseUrl ?? "",
          REDIS_URL: redisUrl,
          CALLS: String(calls),
        },
      });
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.once("exit", (code) =>
        code === 0
          ? resolve(JSON.parse(output.trim().split("\n").at(-1)!))
          : reject(new Error(`${name} exited with ${code}`)),
      );
    });
  const workers = await Promise.all([run("worker A"), run("worker B")]);

  const all = workers.flatMap((w) => w.startedAt).sort((a, b) => a - b);
  for (const { name, startedAt } of workers) {
    const seconds = (Math.max(...startedAt) - Math.min(...startedAt)) / 1000;
    console.log(`${name}: ${startedAt.length} calls started over ${seconds.toFixed(1)} s`);
  }
  const seconds = (all.at(-1)! - all[0]!) / 1000;
  let most = 0;
  for (let i = 0, j = 0; i < all.length; i++) {
    while (all[i]! - all[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  console.log(
    `together: ${all.length} calls over ${seconds.toFixed(1)} s (${((all.length - 1) / seconds).toFixed(1)}/s); at most ${most} started in any one second (Dixa's limit: 10/s, burst 4)`,
  );
} finally {
  await prism?.stop();
  await redis?.stop();
}
