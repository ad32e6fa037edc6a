/**
 * The rule every limiter of this package enforces, written once so the in-memory limiter and
 * the Redis script (which mirrors it) decide alike.
 *
 * Dixa counts a request when it arrives. The client only knows that a request it let through
 * arrives somewhere between the moment it was let through and the moment its answer came back
 * (or, with no answer yet, until an allowance runs out). So each request is counted at the
 * *latest* moment it may arrive, and a new request may start at `t` only when, for every span
 * `d ≥ 0` before `t`, the requests that may still arrive within it, plus this one, fit both:
 *   - the token bucket: at most `capacity + ratePerSecond · d` (burst, then the sustained rate);
 *   - the window: at most `windowLimit` within any `windowMs`.
 * Any set of arrivals the server sees within a span then fits it too, however late each
 * request actually went out or however the server's clock bunched them.
 */
export interface AdmissionRule {
  /** Sustained requests per second. */
  ratePerSecond: number;
  /** Requests that may arrive together: the burst, less any reserve kept for jitter. */
  capacity: number;
  /** At most this many requests in any `windowMs` (Infinity for none). */
  windowLimit: number;
  windowMs: number;
}

/**
 * The earliest moment (same clock as `now`) one more request may start. `latestArrivals` holds,
 * per request already let through, the latest moment it may reach the server; it is sorted in
 * place, newest first.
 */
export function earliestStart(latestArrivals: number[], rule: AdmissionRule, now: number): number {
  latestArrivals.sort(newestFirst);
  let start = now;
  for (let i = 0; i < latestArrivals.length; i++) {
    const arrival = latestArrivals[i]!;
    // This request and the i + 1 that may arrive no earlier than `arrival`.
    const together = i + 2;
    if (together > rule.capacity) {
      const refill = (1000 * (together - rule.capacity)) / rule.ratePerSecond;
      if (arrival + refill > start) start = arrival + refill;
    }
    if (together > rule.windowLimit && arrival + rule.windowMs > start) {
      start = arrival + rule.windowMs;
    }
  }
  return start;
}

/**
 * How long after its latest arrival a request is kept: past this it can no longer hold back a
 * new one. Twice the window and the refill of as many requests as the rule lets through in it,
 * a wide margin over what the arithmetic needs.
 */
export function memoryMs(rule: AdmissionRule): number {
  const most = Math.min(rule.windowLimit, 1_000) + rule.capacity;
  return 2 * (rule.windowMs + (1000 * most) / rule.ratePerSecond);
}

function newestFirst(a: number, b: number): number {
  return b - a;
}
