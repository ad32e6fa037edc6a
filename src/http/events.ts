import { redactedMarker, type Redactor } from "../redact.js";
import type { ResponseMismatch } from "../validation/mismatch.js";
import type { RateLimitPriority } from "./lanes.js";

/** What every event says: which call it belongs to (calls run concurrently) and what it is. */
export interface DixaEventBase {
  /** The same for every event of one call, different for each call of the process. */
  callId: number;
  method: string;
  /** The OpenAPI path template, e.g. `/beta/agents/{agentId}`. */
  pathTemplate: string;
}

/**
 * What an `onEvent` hook sees, in order for one call: `call-start`, then per attempt
 * `rate-limit-wait` (if it waited), `request`, then `response` or `error`, `retry` between
 * attempts, and `call-end` once, then `response-mismatch` per difference when response
 * validation is on. Headers are copied with `Authorization` replaced by
 * "[redacted]" and the token removed from URLs and messages, so a hook can log them as they are.
 */
export type DixaEvent = DixaEventBase &
  (
    | {
        type: "call-start";
        url: string;
        /** The call's lane in the rate limiter (absent when the client does not limit). */
        priority?: RateLimitPriority;
      }
    | {
        type: "rate-limit-wait";
        waitedMs: number;
        /** The lane it waited in. */
        priority: RateLimitPriority;
        /** The attempt whose request (its first, or a redirect's) waited. */
        attempt: number;
      }
    | {
        type: "request";
        url: string;
        attempt: number;
        headers: Record<string, string>;
        /** Redirects followed in this attempt before this request (0 for its first request). */
        redirects: number;
        /** Its method: the call's `method`, except GET after a 303 (or a 301/302 to a POST). */
        requestMethod: string;
      }
    | { type: "response"; attempt: number; status: number; durationMs: number }
    | { type: "retry"; attempt: number; delayMs: number; reason: string }
    | { type: "error"; attempt: number; kind: string; message: string }
    | {
        type: "call-end";
        attempts: number;
        durationMs: number;
        /** The final answer's status, when one came. */
        status?: number;
        /** The failure's kind, when the call failed without an answer. */
        kind?: string;
      }
    /** With `validateResponses`: one way the answer differs from Dixa's description. */
    | ({ type: "response-mismatch" } & ResponseMismatch)
    /**
     * With `validateResponses: "warn"`: the response checker (loaded on first use) could not be
     * loaded, so this answer was returned unchecked; `message` says why.
     */
    | { type: "response-validation-unavailable"; message: string }
  );

/**
 * The `onEvent` option: receives every {@link DixaEvent}. What it throws (or a promise it returns
 * rejects with) changes neither the call nor the process: it is reported once, through the
 * client's `onHookError` (by default logged with `console.error`, without the token).
 */
export type EventHook = (event: DixaEvent) => void;

/** A copy of request headers fit for a log: `Authorization` hidden, the token gone from the rest. */
export function redactedHeaders(
  headers: Record<string, string>,
  redact: Redactor,
): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name in headers) {
    copy[name] =
      name.toLowerCase() === "authorization" ? redactedMarker : redact.text(headers[name]!);
  }
  return copy;
}
