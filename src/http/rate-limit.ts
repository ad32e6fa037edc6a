import type { RateLimitPriority } from "./lanes.js";

export type { RateLimitPriority };

/**
 * What the client asks of a rate limiter, so that other stores (Redis, for several processes on
 * one token) can stand in for the in-memory `RateLimiter`.
 *
 * The client calls `acquire` before each attempt and hands the request to `fetch` as soon as it
 * resolves (through the ticket's `dispatch`, when it has one); when the attempt is over (an
 * answer's headers arrived, or it failed) it calls the ticket's `settle`. Between the two the
 * request may reach the server at any moment, so a limiter that keeps the limit *at the server*
 * counts it for that whole time, or until it knows better.
 */
export interface RateLimit {
  /**
   * Resolves when one request may be sent; rejects with the signal's reason if the caller
   * aborts while waiting. A limiter that has no use for `settle` may resolve with the
   * milliseconds waited (or nothing) instead of a ticket. A limiter that knows no lanes may
   * ignore `options`.
   */
  acquire(signal?: AbortSignal, options?: AcquireOptions): Promise<RateLimitTicket | number | void>;
  /**
   * Optional: a handle on the same limit for one more client, whose callers take turns with
   * the other clients' callers of the same lane. `createDixaCore` asks for one per client.
   */
  forClient?(): RateLimit;
}

export interface AcquireOptions {
  /** The call's lane. Default "normal". */
  priority?: RateLimitPriority;
}

export interface RateLimitTicket {
  /** How long the request waited for its turn, in milliseconds. */
  readonly waitedMs: number;
  /** The attempt is over: its answer's headers arrived, or it failed. Safe to call twice. */
  settle(): void;
  /**
   * Optional: calls `send` at once (the client's `fetch` of this request) and returns what it
   * returns, watching for the moment the request leaves for the server, so the limiter may stop
   * counting it as possibly on its way sooner than its answer.
   */
  dispatch?<T>(send: () => T): T;
}
