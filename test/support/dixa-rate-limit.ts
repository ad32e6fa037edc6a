/**
 * How a server enforces Dixa's documented limit, "10 requests per second, burst 4": a token
 * bucket of `burst` refilled at `perSecond` (the shape of an API gateway's rate and burst
 * settings). Written independently of the client's limiter so each checks the other.
 */
export class DixaLimitEnforcer {
  private tokens: number;
  private last: number;
  private readonly start: number;
  /** Arrival times of accepted requests, in ms since the enforcer was made. */
  readonly accepted: number[] = [];
  rejected = 0;

  constructor(
    private readonly perSecond = 10,
    private readonly burst = 4,
  ) {
    this.tokens = burst;
    this.start = this.last = performance.now();
  }

  /** Records an arrival (now, unless told when); false means the server answers 429. */
  admit(now = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens < 1) {
      this.rejected++;
      return false;
    }
    this.tokens -= 1;
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
