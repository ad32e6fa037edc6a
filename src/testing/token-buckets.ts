/**
 * Dixa's documented limit per token, as a server enforces it: a bucket of `burst` tokens refilled
 * at `requestsPerSecond`, one bucket per `Authorization` value, each request taking a token when
 * it arrives. Written here rather than taken from the `limiter` package so the clock can be
 * injected (tests of the sandbox, and users' tests with their own clock) and so that the server
 * side stays independent of the client's limiter: each checks the other.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly burst: number,
    readonly requestsPerSecond: number,
    private readonly now: () => number,
  ) {}

  /** Takes a token for `key` now; when there is none, says how long until there is. */
  take(key: string): { admitted: true } | { admitted: false; retryAfterMs: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.burst, bucket.tokens + (elapsed * this.requestsPerSecond) / 1000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { admitted: true };
    }
    return { admitted: false, retryAfterMs: ((1 - bucket.tokens) * 1000) / this.requestsPerSecond };
  }

  clear(): void {
    this.buckets.clear();
  }
}
