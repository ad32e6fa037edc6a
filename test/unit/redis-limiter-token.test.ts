/**
 * The Redis limiter's `apiKey` follows the client's rule (src/shared/secret-text.ts) and is then
 * kept in closures only: the limiter object, printed or stringified, shows no form of it, and a
 * fallback event's reason (a Redis error's text) is redacted as the client's errors are. Keys are
 * named by its hash (test/redis/redis-rate-limiter.test.ts watches what reaches Redis).
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createDixaClient } from "../../src/index.js";
import { createRedactor } from "../../src/redact.js";
import { createRedisRateLimiter, type RedisRateLimitEvent } from "../../src/redis/index.js";
import { tokenEncodings } from "../support/token-encodings.js";

const apiKey = "tok-SECRET-ö-0123456789abcdef";
const encodings = tokenEncodings(apiKey);

/** Holds no form of the token: none of the list above, and nothing the redactor would remove. */
function expectNoToken(text: string): void {
  for (const encoded of encodings) expect(text).not.toContain(encoded);
  expect(text).not.toContain("SECRET");
  expect(createRedactor(apiKey).text(text)).toBe(text);
}

/** An ioredis-shaped client whose every call fails with an error echoing the token. */
const echoingRedis = {
  evalsha: () => Promise.reject(new Error(`ERR proxy refused ${encodings.join(" / ")}`)),
  eval: () => Promise.reject(new Error(`ERR proxy refused ${encodings.join(" / ")}`)),
};

describe("the Redis limiter's token", () => {
  it("is on no object: the limiter printed or stringified shows no form of it", () => {
    const limiter = createRedisRateLimiter({
      redis: echoingRedis,
      apiKey: ` ${apiKey}\n`,
      workers: 2,
    });
    expectNoToken(inspect(limiter, { depth: 10, showHidden: true }));
    expectNoToken(JSON.stringify(limiter));
  });

  it("is removed from a fallback event's reason, in any encoding", async () => {
    const events: RedisRateLimitEvent[] = [];
    const limiter = createRedisRateLimiter({
      redis: echoingRedis,
      apiKey,
      workers: 2,
      onEvent: (event) => events.push(event),
    });
    const abort = new AbortController();
    const waiting = limiter.acquire(abort.signal).catch((error: unknown) => error);
    await expect.poll(() => events.length).toBe(1);
    abort.abort();
    await waiting;
    const [event] = events;
    expect(event).toMatchObject({ type: "redis-rate-limit-fallback" });
    const reason = (event as { reason: string }).reason;
    expect(reason).toMatch(/^ERR proxy refused \[redacted\]/);
    expectNoToken(reason);
  });

  it.each([
    [
      "a line break inside",
      "tok-SECRET\nX-Injected: 1",
      /holds a character an HTTP header cannot carry/,
    ],
    [
      "a character beyond Latin-1",
      "tok-SECRET-\u2028-x",
      /holds a character an HTTP header cannot carry/,
    ],
    ["nothing but spaces", "   ", /is required.*a blank string/],
  ])("is refused as the client refuses it (%s), never shown", (_, given, why) => {
    const message = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
        return (error as Error).message;
      }
      throw new Error("expected a TypeError");
    };
    const redis = message(() =>
      createRedisRateLimiter({ redis: echoingRedis, apiKey: given, workers: 2 }),
    );
    const client = message(() => createDixaClient({ apiKey: given }));
    expect(redis).toMatch(why);
    expect(redis.replace("createRedisRateLimiter", "")).toBe(
      client.replace("createDixaClient", ""),
    );
    expect(redis).not.toContain("SECRET");
    expect(redis).not.toContain("X-Injected");
  });
});
