/**
 * How a server would enforce Dixa's documented limit, written independently of the client's
 * limiter so each checks the other: a token bucket of `burst` refilled at `perSecond`, and, to
 * be strict about "per second", at most `perSecond` arrivals in any one-second window.
 */
export class DixaLimitEnforcer {
  private tokens: number;
  private last = performance.now();
  private readonly arrivals: number[] = [];
  /** Arrival times of accepted requests, in ms since the enforcer was made. */
  readonly accepted: number[] = [];
  rejected = 0;
  private readonly start = performance.now();

  constructor(
    private readonly perSecond = 10,
    private readonly burst = 4,
  ) {
    this.tokens = burst;
  }

  /** Records an arrival now; false means the server answers 429. */
  admit(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    while (this.arrivals.length > 0 && now - this.arrivals[0]! >= 1000) this.arrivals.shift();
    if (this.tokens < 1 || this.arrivals.length >= this.perSecond) {
      this.rejected++;
      return false;
    }
    this.tokens -= 1;
    this.arrivals.push(now);
    this.accepted.push(now - this.start);
    return true;
  }
}

/** The most arrivals found in any window of `windowMs` (arrival times sorted ascending). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[to]! - times[from]! >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}
