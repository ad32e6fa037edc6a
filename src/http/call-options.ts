import { checkTimeout } from "../options.js";
import type { CallOptions } from "../types.js";
import { describeValue } from "../validate.js";
import { resolveRetry, type ResolvedRetry } from "./retry-policy.js";

export interface ResolvedCall {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  retry: ResolvedRetry;
}

const known = new Set(["signal", "timeoutMs", "retry"]);

/** Checks one call's options and merges them over the client's, before anything is sent. */
export function resolveCallOptions(
  options: CallOptions | undefined,
  client: { timeoutMs: number; retry: ResolvedRetry },
): ResolvedCall {
  if (options === undefined) return { signal: undefined, ...client };
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object, got ${describeValue(options)}`);
  }
  for (const name in options) {
    if (!known.has(name)) {
      throw new TypeError(`options: unknown option \`${name}\` (known: ${[...known].join(", ")})`);
    }
  }
  const { signal, timeoutMs, retry } = options;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new TypeError(`options.signal must be an AbortSignal, got ${describeValue(signal)}`);
  }
  if (timeoutMs !== undefined) checkTimeout(timeoutMs, "options.timeoutMs");
  return {
    signal,
    timeoutMs: timeoutMs ?? client.timeoutMs,
    retry: retry === undefined ? client.retry : resolveRetry(retry, client.retry),
  };
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AbortSignal).aborted === "boolean" &&
    typeof (value as AbortSignal).addEventListener === "function"
  );
}
