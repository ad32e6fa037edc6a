import { SpanStatusCode, type Attributes, type SpanStatus } from "@opentelemetry/api";
import { attr, otherErrorType } from "./semconv.js";

/** How a call or an attempt ended, as the events tell it. */
export interface Outcome {
  /** The answer's status, when one came. */
  status?: number | undefined;
  /** The failure's kind (`network`, `timeout`, `aborted`, ...), when it failed without one. */
  kind?: string | undefined;
  /** The failure's message (already redacted by the client), when the events carried it. */
  message?: string | undefined;
}

/**
 * The attributes and span status an outcome gives, per the HTTP span conventions for clients:
 * a status of 400 or more is an error whose `error.type` is the status code as a string (and no
 * status description, since the code says it); a failure without an answer is an error whose
 * `error.type` is the client's failure kind; anything else leaves the status unset.
 */
export function describeOutcome(outcome: Outcome): {
  attributes: Attributes;
  status: SpanStatus | undefined;
} {
  if (outcome.status !== undefined) {
    const attributes: Attributes = { [attr.httpResponseStatusCode]: outcome.status };
    if (outcome.status < 400) return { attributes, status: undefined };
    attributes[attr.errorType] = String(outcome.status);
    return { attributes, status: { code: SpanStatusCode.ERROR } };
  }
  const status: SpanStatus = { code: SpanStatusCode.ERROR };
  if (outcome.message !== undefined) status.message = outcome.message;
  return { attributes: { [attr.errorType]: outcome.kind ?? otherErrorType }, status };
}
