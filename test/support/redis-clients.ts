/**
 * The two Redis libraries users pass to `createRedisRateLimiter`, connected the way their docs
 * show. Tests run the limiter with both.
 */
import { Redis } from "ioredis";
import { createClient } from "redis";
import type { RedisClientLike } from "../../src/redis/index.js";

export type RedisLibrary = "ioredis" | "node-redis";
export const redisLibraries: RedisLibrary[] = ["ioredis", "node-redis"];

export interface ConnectedRedis {
  client: RedisClientLike;
  /** Errors the client reported on its own (connection lost, reconnecting...). */
  errors: string[];
  close(): Promise<void>;
}

export async function connectRedis(library: RedisLibrary, url: string): Promise<ConnectedRedis> {
  const errors: string[] = [];
  if (library === "ioredis") {
    const client = new Redis(url);
    client.on("error", (error: Error) => errors.push(error.message));
    return {
      client,
      errors,
      close: async () => {
        client.disconnect();
      },
    };
  }
  const client = createClient({ url });
  // node-redis throws an 'error' event nobody listens to: always listen.
  client.on("error", (error: Error) => errors.push(error.message));
  await client.connect();
  return {
    client,
    errors,
    close: async () => {
      client.destroy();
    },
  };
}
