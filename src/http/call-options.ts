import { checkTimeout } from "../options.js";
import type { CallOptions } from "../types.js";
import { describeValue } from "../validate.js";
import { headerNameSafe, headerSafe, unsafeHeaderText } from "./header-text.js";
import { checkPriority, type RateLimitPriority } from "./lanes.js";
import { resolveRetry, type ResolvedRetry } from "./retry-policy.js";

export interface ResolvedCall {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  retry: ResolvedRetry;
  headers: Readonly<Record<string, string>> | undefined;
  onResponse: CallOptions["onResponse"];
  /** The call's own lane; undefined: the client's. */
  priority: RateLimitPriority | undefined;
}

const known = new Set(["signal", "timeoutMs", "retry", "headers", "onResponse", "priority"]);

/** Checks one call's options and merges them over the client's, before anything is sent. */
export function resolveCallOptions(
  options: CallOptions | undefined,
  client: { timeoutMs: number; retry: ResolvedRetry },
): ResolvedCall {
  if (options === undefined) {
    return {
      signal: undefined,
      headers: undefined,
      onResponse: undefined,
      priority: undefined,
      ...client,
    };
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object, got ${describeValue(options)}`);
  }
  for (const name in options) {
    if (!known.has(name)) {
      throw new TypeError(`options: unknown option \`${name}\` (known: ${[...known].join(", ")})`);
    }
  }
  const { signal, timeoutMs, retry, headers, onResponse } = options;
  const priority = checkPriority(options.priority, "options.priority");
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new TypeError(`options.signal must be an AbortSignal, got ${describeValue(signal)}`);
  }
  if (timeoutMs !== undefined) checkTimeout(timeoutMs, "options.timeoutMs");
  if (onResponse !== undefined && typeof onResponse !== "function") {
    throw new TypeError(`options.onResponse must be a function, got ${describeValue(onResponse)}`);
  }
  if (headers !== undefined) checkHeaders(headers);
  return {
    signal,
    timeoutMs: timeoutMs ?? client.timeoutMs,
    retry: retry === undefined ? client.retry : resolveRetry(retry, client.retry),
    headers,
    onResponse,
    priority,
  };
}

/** Per-call headers: names and values a header can carry, and never `Authorization`. */
function checkHeaders(headers: unknown): asserts headers is Record<string, string> {
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw new TypeError(`options.headers must be an object, got ${describeValue(headers)}`);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!headerNameSafe(name)) {
      throw new TypeError(`options.headers has a name that is not a header name`);
    }
    if (name.toLowerCase() === "authorization") {
      throw new TypeError(
        "options.headers cannot set Authorization: the client sends the token it was made with",
      );
    }
    // The value is not echoed: a header may carry a secret of its own.
    if (typeof value !== "string") {
      throw new TypeError(
        `options.headers[${JSON.stringify(name)}] must be a string, got ${describeValue(value)}`,
      );
    }
    if (!headerSafe(value)) {
      throw new TypeError(`options.headers[${JSON.stringify(name)}] ${unsafeHeaderText}`);
    }
  }
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AbortSignal).aborted === "boolean" &&
    typeof (value as AbortSignal).addEventListener === "function"
  );
}
