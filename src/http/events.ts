import { redactedMarker, type Redactor } from "../redact.js";

/**
 * What an `onEvent` hook sees. Headers are copied with `Authorization` replaced by
 * "[redacted]", so a hook can log them as they are.
 */
export type DixaEvent =
  | {
      type: "request";
      method: string;
      pathTemplate: string;
      url: string;
      attempt: number;
      headers: Record<string, string>;
    }
  | {
      type: "response";
      method: string;
      pathTemplate: string;
      attempt: number;
      status: number;
      durationMs: number;
    }
  | {
      type: "retry";
      method: string;
      pathTemplate: string;
      attempt: number;
      delayMs: number;
      reason: string;
    }
  | { type: "rate-limit-wait"; method: string; pathTemplate: string; waitedMs: number }
  | {
      type: "error";
      method: string;
      pathTemplate: string;
      attempt: number;
      kind: string;
      message: string;
    };

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
