/**
 * What the Redis limiter's `onEvent` sees when it changes how it decides. None carries the token
 * or its hash.
 */
export type RedisRateLimitEvent =
  | {
      /** Redis failed or was too slow: this process now keeps to `share` of the limit alone. */
      type: "redis-rate-limit-fallback";
      /** What went wrong, e.g. "EVALSHA timed out after 500 ms" or the Redis error message. */
      reason: string;
      share: number;
      /** No request starts before this long has passed (see the README). */
      holdMs: number;
    }
  | {
      /** Redis answers again: decisions are shared once more. */
      type: "redis-rate-limit-restored";
      /** How long this process decided alone. */
      outageMs: number;
    }
  | {
      /**
       * Redis answered but had lost the shared record (it restarted or evicted the keys): this
       * process holds off and keeps to its share until the record is whole again.
       */
      type: "redis-rate-limit-record-lost";
      holdMs: number;
    };

/**
 * Receives each {@link RedisRateLimitEvent}. What it throws does not stall the limiter; it is
 * rethrown by itself (an uncaught exception).
 */
export type RedisRateLimitEventHook = (event: RedisRateLimitEvent) => void;
