import { checkTimeout } from "../options.js";
import { checkValidationMode } from "../validation/mode.js";
import type { CallOptions } from "../types.js";
import { describeValue } from "../validate.js";
import { headerNameSafe, headerSafe, unsafeHeaderText } from "./header-text.js";
import { checkPriority, type RateLimitPriority } from "./lanes.js";
import { resolveRetry, type ResolvedRetry } from "./retry-policy.js";

export interface ResolvedCall {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  retry: ResolvedRetry;
  /** Names in lower case. */
  headers: Readonly<Record<string, string>> | undefined;
  onResponse: CallOptions["onResponse"];
  /** The call's own lane; undefined: the client's. */
  priority: RateLimitPriority | undefined;
}

const known = new Set([
  "signal",
  "timeoutMs",
  "retry",
  "headers",
  "onResponse",
  "validateResponses",
  "priority",
]);

/** Checks one call's options and merges them over the client's, before anything is sent. */
export function resolveCallOptions(
  options: CallOptions | undefined,
  client: { timeoutMs: number; retry: ResolvedRetry; onEvent?: unknown },
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
  if (options.validateResponses !== undefined) {
    checkValidationMode(options.validateResponses, client.onEvent, "options.validateResponses");
  }
  return {
    signal,
    timeoutMs: timeoutMs ?? client.timeoutMs,
    retry: retry === undefined ? client.retry : resolveRetry(retry, client.retry),
    headers: headers === undefined ? undefined : headerRecord(headers, "options.headers"),
    onResponse,
    priority,
  };
}

/**
 * Per-call headers as one record with lower-case names, checked: names and values a header can
 * carry, never `Authorization` (in any spelling or form), and no name given twice. `what` names
 * the option in errors (`options.headers`, `client.raw: headers`).
 */
export function headerRecord(headers: unknown, what: string): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of headerEntries(headers, what)) {
    if (typeof name !== "string" || !headerNameSafe(name)) {
      throw new TypeError(`${what} has a name that is not a header name`);
    }
    const lower = name.toLowerCase();
    if (lower === "authorization") {
      throw new TypeError(
        `${what} cannot set Authorization: the client sends the token it was made with`,
      );
    }
    // The value is not echoed: a header may carry a secret of its own.
    if (typeof value !== "string") {
      throw new TypeError(
        `${what}[${JSON.stringify(name)}] must be a string, got ${describeValue(value)}`,
      );
    }
    if (!headerSafe(value)) {
      throw new TypeError(`${what}[${JSON.stringify(name)}] ${unsafeHeaderText}`);
    }
    if (Object.hasOwn(record, lower)) {
      throw new TypeError(
        `${what} names ${JSON.stringify(lower)} twice (header names ignore case): give it once`,
      );
    }
    record[lower] = value;
  }
  return record;
}

function headerEntries(headers: unknown, what: string): Iterable<readonly [unknown, unknown]> {
  if (typeof Headers !== "undefined" && headers instanceof Headers) {
    const entries: Array<[string, string]> = [];
    headers.forEach((value, name) => entries.push([name, value]));
    return entries;
  }
  if (headers instanceof Map) return headers.entries();
  if (Array.isArray(headers)) {
    return headers.map((pair: unknown) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError(`${what} as a list must hold [name, value] pairs`);
      }
      return pair as [unknown, unknown];
    });
  }
  const prototype =
    typeof headers === "object" && headers !== null && Object.getPrototypeOf(headers);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(
      `${what} must be an object (plain, a Headers or a Map) or a list of [name, value] pairs, got ${describeValue(headers)}`,
    );
  }
  return Object.entries(headers as object);
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AbortSignal).aborted === "boolean" &&
    typeof (value as AbortSignal).addEventListener === "function"
  );
}
