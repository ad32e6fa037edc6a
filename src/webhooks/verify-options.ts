/** Options shared by everything that checks a delivery, with their defaults. */

/**
 * How far `t` may be from the time of receipt, either way: 5 minutes. Dixa documents no window.
 * The one real delivery on record was signed 0.17 s after its event happened, and its receiver
 * logged it 37.5 s after `t` (why so late is unknown), so a tight window could refuse genuine
 * deliveries; 5 minutes leaves room for several times that while still refusing a captured
 * delivery replayed later. Within the window, de-duplicate by `event_id` to refuse replays.
 */
export const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000;

export interface DixaWebhookVerifyOptions {
  /**
   * Largest accepted distance, in milliseconds, between the signature's `t` and `receivedAt`
   * (older or newer). Default {@link DEFAULT_TOLERANCE_MS} (5 minutes). `Infinity` turns the
   * check off, e.g. to re-check a stored delivery.
   */
  toleranceMs?: number;
  /** When the delivery arrived, in ms since the epoch (or a Date). Default: now. */
  receivedAt?: number | Date;
}

export interface ResolvedVerifyOptions {
  toleranceMs: number;
  receivedAtMs: number;
}

export function resolveVerifyOptions(
  options: DixaWebhookVerifyOptions | undefined,
): ResolvedVerifyOptions {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(
      `options must be an object, got ${options === null ? "null" : typeof options}`,
    );
  }
  const toleranceMs = options?.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  if (typeof toleranceMs !== "number" || Number.isNaN(toleranceMs) || toleranceMs < 0) {
    throw new TypeError(
      `options.toleranceMs must be a number of milliseconds >= 0 (or Infinity), got ${String(toleranceMs)}`,
    );
  }
  const receivedAt = options?.receivedAt ?? Date.now();
  const receivedAtMs = receivedAt instanceof Date ? receivedAt.getTime() : receivedAt;
  if (typeof receivedAtMs !== "number" || !Number.isFinite(receivedAtMs)) {
    throw new TypeError(
      `options.receivedAt must be a Date or a number of milliseconds since the epoch, got ${String(receivedAt)}`,
    );
  }
  return { toleranceMs, receivedAtMs };
}
