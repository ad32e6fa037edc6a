/**
 * What the client asks of a rate limiter, so that other stores (Redis, for several processes on
 * one token) can stand in for the in-memory `RateLimiter`.
 *
 * The client calls `acquire` before each attempt and hands the request to `fetch` as soon as it
 * resolves; when the attempt is over (an answer's headers arrived, or it failed) it calls the
 * ticket's `settle`. Between the two the request may reach the server at any moment, so a
 * limiter that keeps the limit *at the server* counts it for that whole time.
 */
export interface RateLimit {
  /**
   * Resolves when one request may be sent; rejects with the signal's reason if the caller
   * aborts while waiting. A limiter that has no use for `settle` may resolve with the
   * milliseconds waited (or nothing) instead of a ticket.
   */
  acquire(signal?: AbortSignal): Promise<RateLimitTicket | number | void>;
}

export interface RateLimitTicket {
  /** How long the request waited for its turn, in milliseconds. */
  readonly waitedMs: number;
  /** The attempt is over: its answer's headers arrived, or it failed. Safe to call twice. */
  settle(): void;
}
