/** A Redis call under way: when it started (local clock) and how to fail it. */
interface Call {
  startedAt: number;
  label: string;
  settled: boolean;
  fail: (error: Error) => void;
}

/**
 * Time limits for the Redis calls of one limiter, kept by one timer for all of them instead of
 * one per call: a timer set and cleared around every call is work on the path of every idle
 * admission (0.1 to 0.15 PING in A/B runs of the admission bench). The timer stays set between
 * calls (the next call within `limitMs` reuses it) and never keeps the process alive on its own
 * (Node's `unref`): a call under way does, through its Redis connection.
 */
export class CallDeadlines {
  private readonly calls = new Set<Call>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limitMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * `work` under the time limit. The call itself cannot be cancelled: if it settles later, its
   * outcome is ignored (a late admission stays counted in Redis, never sent).
   */
  within<T>(label: string, work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const call: Call = { startedAt: this.now(), label, settled: false, fail: reject };
      this.calls.add(call);
      if (this.timer === undefined) this.arm(this.limitMs);
      work.then(
        (value) => {
          this.finish(call);
          resolve(value);
        },
        (error: unknown) => {
          this.finish(call);
          reject(error);
        },
      );
    });
  }

  private finish(call: Call): void {
    call.settled = true;
    this.calls.delete(call);
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.check(), ms);
    (this.timer as { unref?: () => unknown }).unref?.();
  }

  /** Fails the calls past the limit; set again for the earliest of the others. */
  private check(): void {
    this.timer = undefined;
    const t = this.now();
    let next = Infinity;
    for (const call of this.calls) {
      const due = call.startedAt + this.limitMs;
      if (due > t) {
        next = Math.min(next, due);
        continue;
      }
      this.calls.delete(call);
      // When this process itself was held up (paused, starved of CPU), the answer may be
      // waiting to be read: timers run before I/O, so give it one more turn of the event loop
      // rather than blame Redis and fall back, adding this process's share to the others'.
      setTimeout(() => {
        if (!call.settled) {
          call.fail(
            new Error(`${call.label} took longer than commandTimeoutMs (${this.limitMs} ms)`),
          );
        }
      }, 0);
    }
    if (next < Infinity) this.arm(next - t);
  }
}
