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

export function redactedHeaders(headers: Headers): Record<string, string> {
  const copy: Record<string, string> = {};
  headers.forEach((value, name) => {
    copy[name] = name.toLowerCase() === "authorization" ? "[redacted]" : value;
  });
  return copy;
}
