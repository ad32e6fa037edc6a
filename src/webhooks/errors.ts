/**
 * What can be wrong with a webhook delivery. Two classes, so a receiver can answer "not from
 * Dixa" (signature) differently from "from Dixa but not something we can read" (payload), and a
 * `kind` for the detail. No error carries the secret, the expected signature or the body.
 */

/** Why a delivery's signature was refused. */
export type DixaWebhookSignatureErrorKind =
  /** No `X-DIXA-SIGNATURE` header. */
  | "missing-header"
  /** The header is there but is not `t=<digits>,v1=<64 hex>[,v1=...]`. */
  | "malformed-header"
  /** The signature is genuine but `t` is outside the freshness window (too old or too far ahead). */
  | "stale"
  /** No `v1` value matches the HMAC of `t.` + body under the secret. */
  | "bad-signature";

/** Why a delivery with a valid signature (or a body read for one) could not be turned into an event. */
export type DixaWebhookPayloadErrorKind =
  /** The body is not UTF-8 JSON. */
  | "not-json"
  /** The body is JSON but not an object with a non-empty `event_id` and `event_fqn`. */
  | "not-an-event"
  /**
   * Unknown events were asked to be rejected, and this one is: its `event_fqn` is not one of the
   * 32 known ones, or its `data` is not an object.
   */
  | "unknown-event"
  /** The body is larger than `maxBodyBytes`; reading stopped there. */
  | "too-large";

/** Every `kind` a webhook error can have: why a delivery was refused. */
export type DixaWebhookErrorKind = DixaWebhookSignatureErrorKind | DixaWebhookPayloadErrorKind;

/** Base class of both webhook errors. */
export class DixaWebhookError extends Error {
  override name = "DixaWebhookError";
  constructor(
    readonly kind: DixaWebhookErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** The delivery cannot be shown to come from Dixa (the ready handlers answer 401; do not process it). */
export class DixaWebhookSignatureError extends DixaWebhookError {
  override name = "DixaWebhookSignatureError";
  declare readonly kind: DixaWebhookSignatureErrorKind;
  constructor(kind: DixaWebhookSignatureErrorKind, message: string) {
    super(kind, message);
  }
}

/** The body could not be read as a Dixa event (400), or was too large to read (413). */
export class DixaWebhookPayloadError extends DixaWebhookError {
  override name = "DixaWebhookPayloadError";
  declare readonly kind: DixaWebhookPayloadErrorKind;
  constructor(kind: DixaWebhookPayloadErrorKind, message: string, options?: { cause?: unknown }) {
    super(kind, message, options);
  }
}

/** True for a delivery refused for its signature (missing, malformed, wrong or too old). */
export function isDixaWebhookSignatureError(error: unknown): error is DixaWebhookSignatureError {
  return error instanceof DixaWebhookSignatureError;
}

/** True for a delivery whose signature held but whose body could not be read as an event. */
export function isDixaWebhookPayloadError(error: unknown): error is DixaWebhookPayloadError {
  return error instanceof DixaWebhookPayloadError;
}
