import { TokenBucket } from "limiter";

export interface RateLimitOptions {
  /** Sustained requests per second. Default 10, Dixa's documented limit per token. */
  requestsPerSecond?: number;
  /** Requests that may start back to back. Default 4, Dixa's documented burst. */
  burst?: number;
  /**
   * How much network jitter the limiter leaves room for, in milliseconds. Dixa counts requests
   * when they arrive, we count them when they leave; a request delayed on the way and the next
   * one not would arrive closer together than they left. The limiter keeps
   * `requestsPerSecond * jitterAllowanceMs / 1000` of the burst in reserve and stretches its
   * one-second window by a tenth of the allowance. Default 100 (one request of the burst of 4,
   * a 1,010 ms window); the sustained rate is barely affected.
   */
  jitterAllowanceMs?: number;
}

export const dixaRateLimit = { requestsPerSecond: 10, burst: 4, jitterAllowanceMs: 100 } as const;

interface Waiter {
  resolve: (waitedMs: number) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  queuedAt: number;
}

/**
 * Dixa documents its per-token limit as "10 requests per second, burst 4": a token bucket of 4
 * refilled at 10 per second. A request is let through when that bucket has a token AND fewer
 * than `requestsPerSecond` requests left in the last second, so the limit holds whether the
 * server counts with a bucket or with a sliding one-second window. Requests wait in a
 * first-come-first-served queue. The bucket arithmetic is the `limiter` package's TokenBucket; the
 * queue is ours because a request waiting for its turn must be cancellable by the caller's
 * AbortSignal, which `limiter`'s own waiting is not. A timer runs only while someone is waiting,
 * so an idle limiter keeps no process alive.
 */
export class RateLimiter {
  readonly requestsPerSecond: number;
  readonly capacity: number;
  private readonly bucket: TokenBucket;
  /** Send times within the last window, oldest first (at most `windowLimit`). */
  private readonly recent: number[] = [];
  private readonly windowLimit: number;
  private readonly windowMs: number;
  private readonly waiting: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RateLimitOptions = {}) {
    const requestsPerSecond = options.requestsPerSecond ?? dixaRateLimit.requestsPerSecond;
    const burst = options.burst ?? dixaRateLimit.burst;
    const jitter = options.jitterAllowanceMs ?? dixaRateLimit.jitterAllowanceMs;
    if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) {
      throw new TypeError("rateLimit.requestsPerSecond must be a positive number");
    }
    if (!Number.isInteger(burst) || burst < 1)
      throw new TypeError("rateLimit.burst must be a positive integer");
    if (!(jitter >= 0) || !Number.isFinite(jitter)) {
      throw new TypeError("rateLimit.jitterAllowanceMs must be a non-negative number");
    }
    this.requestsPerSecond = requestsPerSecond;
    this.capacity = Math.max(1, Math.floor(burst - (requestsPerSecond * jitter) / 1000));
    this.bucket = new TokenBucket({
      bucketSize: this.capacity,
      tokensPerInterval: requestsPerSecond,
      interval: 1000,
    });
    this.bucket.content = this.capacity;
    this.windowLimit = requestsPerSecond >= 1 ? Math.floor(requestsPerSecond) : Infinity;
    // A tenth of the jitter allowance on the window too: a server counting a strict one-second
    // window at arrival still sees the limit kept when arrivals bunch up by a few milliseconds.
    this.windowMs = 1000 + jitter / 10;
  }

  /** Requests queued behind the limit right now. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves, with the milliseconds waited, when one request may be sent. Rejects with the
   * signal's reason if the caller aborts while waiting; the place in the queue is given up.
   */
  acquire(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.waiting.length === 0 && this.tryTake()) return Promise.resolve(0);
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        queuedAt: performance.now(),
        onAbort: () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
          this.schedule();
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.waiting.push(waiter);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.waiting.length > 0 && this.tryTake()) {
      const waiter = this.waiting.shift()!;
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve(performance.now() - waiter.queuedAt);
    }
    if (this.waiting.length > 0) {
      this.timer = setTimeout(() => this.schedule(), Math.max(1, Math.ceil(this.waitTime())));
    }
  }

  /** Takes a slot if both the bucket and the one-second window allow one now. */
  private tryTake(): boolean {
    const now = performance.now();
    while (this.recent.length > 0 && now - this.recent[0]! >= this.windowMs) this.recent.shift();
    if (this.recent.length >= this.windowLimit) return false;
    if (!this.bucket.tryRemoveTokens(1)) return false;
    this.recent.push(now);
    return true;
  }

  private waitTime(): number {
    const windowWait =
      this.recent.length >= this.windowLimit
        ? this.recent[0]! + this.windowMs - performance.now()
        : 0;
    return Math.max(this.bucket.getWaitTime(1), windowWait);
  }
}

const sharedLimiters = new Map<string, RateLimiter>();

/**
 * The limiter every client with the same token (and the same limit settings) shares, since Dixa
 * counts requests per token, not per client object.
 */
export function sharedRateLimiter(apiKey: string, options: RateLimitOptions = {}): RateLimiter {
  const key = JSON.stringify([
    apiKey,
    options.requestsPerSecond,
    options.burst,
    options.jitterAllowanceMs,
  ]);
  let limiter = sharedLimiters.get(key);
  if (limiter === undefined) {
    limiter = new RateLimiter(options);
    sharedLimiters.set(key, limiter);
  }
  return limiter;
}
