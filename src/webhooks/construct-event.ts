/**
 * From a delivery to a typed event: check the signature over the raw bytes, then parse them,
 * then check the envelope. The body is parsed only once the signature holds, so a forged body
 * never reaches JSON.parse.
 */
import { prepareCheck } from "./check-delivery.js";
import type { DixaKnownWebhookEvent, DixaWebhookEvent } from "./event-types.js";
import type { DixaWebhookHeaders } from "./header-lookup.js";
import type { DixaWebhookRawBody } from "./raw-body.js";
import { assertWebhookSecret, importWebhookKey } from "./secret-key.js";
import type { DixaWebhookVerifyOptions } from "./verify-options.js";

export interface DixaConstructEventOptions extends DixaWebhookVerifyOptions {
  /**
   * Refuse an event whose `event_fqn` is not one of the 32 known ones (a
   * `DixaWebhookPayloadError` of kind `"unknown-event"`) instead of passing it through as a
   * `DixaUnknownWebhookEvent`. Default false: a new Dixa event type must not break a receiver.
   */
  rejectUnknownEvents?: boolean;
}

/** Options with `rejectUnknownEvents: true`: the result is always a known event. */
export type DixaStrictConstructEventOptions = DixaConstructEventOptions & {
  rejectUnknownEvents: true;
};

/**
 * Verifies a delivery and returns its event, typed by `event_fqn`.
 *
 * @param rawBody the request body exactly as received (bytes or their text), never a parsed object
 * @param headers the request headers (a `Headers` object or a plain record; any case)
 * @param secret the subscription's `secretKey` (hex)
 * @throws TypeError for a secret that is not even-length hex, or arguments of the wrong kind
 * @throws DixaWebhookSignatureError when the signature is missing, malformed, wrong or stale
 * @throws DixaWebhookPayloadError when the verified body is not a Dixa event
 */
export function constructDixaEvent(
  rawBody: DixaWebhookRawBody,
  headers: DixaWebhookHeaders,
  secret: string,
  options: DixaStrictConstructEventOptions,
): Promise<DixaKnownWebhookEvent>;
export function constructDixaEvent(
  rawBody: DixaWebhookRawBody,
  headers: DixaWebhookHeaders,
  secret: string,
  options?: DixaConstructEventOptions,
): Promise<DixaWebhookEvent>;
export async function constructDixaEvent(
  rawBody: DixaWebhookRawBody,
  headers: DixaWebhookHeaders,
  secret: string,
  options?: DixaConstructEventOptions,
): Promise<DixaWebhookEvent> {
  assertWebhookSecret(secret);
  const check = prepareCheck(rawBody, headers, options);
  return check(await importWebhookKey(secret));
}
