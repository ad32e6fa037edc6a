/**
 * One worker of examples/many-workers.ts: its own process, its own Dixa client and its own Redis
 * connection, sharing the token's rate limit with every other worker through Redis.
 * Prints one JSON line: when each of its requests started.
 */
import { Redis } from "ioredis";
import { createDixaClient } from "../../src/index.js"; // in your code: "dixa-beta"
import { createRedisRateLimiter } from "../../src/redis/index.js"; // in your code: "dixa-beta/redis"

const name = process.env["WORKER_NAME"] ?? "worker";
const apiKey = process.env["DIXA_API_KEY"]!;
const calls = Number(process.env["CALLS"] ?? 15);

const redis = new Redis(process.env["REDIS_URL"]!);
const rateLimit = createRedisRateLimiter({
  redis,
  apiKey,
  workers: 2, // if Redis is unavailable, each worker keeps to half the limit on its own
  onEvent: (event) => console.error(`${name}: ${JSON.stringify(event)}`),
});
const startedAt: number[] = [];
const dixa = createDixaClient({
  apiKey,
  baseUrl: process.env["DIXA_BASE_URL"],
  rateLimit,
  onEvent: (event) => {
    if (event.type === "request") startedAt.push(Date.now());
  },
});

try {
  await Promise.all(Array.from({ length: calls }, () => dixa.organization.get()));
  console.log(JSON.stringify({ name, startedAt }));
} finally {
  redis.disconnect();
}
