/**
 * From a delivery to a typed event: check the signature over the raw bytes, then parse them,
 * then check the envelope. Parsing happens only after the signature holds, so nothing an
 * attacker sends is ever parsed.
 */
import { DixaWebhookPayloadError } from "./errors.js";
import { isDixaEventFqn } from "./event-names.js";
import type { DixaKnownWebhookEvent, DixaWebhookEvent } from "./event-types.js";
import { assertHeaders, type DixaWebhookHeaders } from "./header-lookup.js";
import { rawBodyBytes, type DixaWebhookRawBody } from "./raw-body.js";
import { assertWebhookSecret, importWebhookKey } from "./secret-key.js";
import { resolveVerifyOptions, type DixaWebhookVerifyOptions } from "./verify-options.js";
import { verifyWithKey } from "./verify-signature.js";

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

/**
 * Checks the arguments now (TypeErrors before any work) and returns the rest of the job, to run
 * with the HMAC key.
 */
export function prepareCheck(
  rawBody: unknown,
  headers: unknown,
  options: DixaConstructEventOptions | undefined,
): (key: CryptoKey) => Promise<DixaWebhookEvent> {
  const body = rawBodyBytes(rawBody);
  assertHeaders(headers);
  const verifyOptions = resolveVerifyOptions(options);
  const rejectUnknown = options?.rejectUnknownEvents ?? false;
  return async (key) => {
    await verifyWithKey(key, body, headers, verifyOptions);
    return parseEvent(body, rejectUnknown);
  };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The verified body as an event: JSON, an object, the six envelope fields of the right types. */
export function parseEvent(body: Uint8Array, rejectUnknown: boolean): DixaWebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(body));
  } catch (error) {
    throw new DixaWebhookPayloadError(
      "not-json",
      `the body (${body.length} bytes, correctly signed) is not UTF-8 JSON`,
      { cause: error },
    );
  }
  const problem = envelopeProblem(parsed);
  if (problem !== undefined) {
    throw new DixaWebhookPayloadError(
      "not-an-event",
      `the body is JSON but not a Dixa webhook event: ${problem}`,
    );
  }
  const event = parsed as DixaWebhookEvent;
  if (rejectUnknown && !isDixaEventFqn(event.event_fqn)) {
    throw new DixaWebhookPayloadError(
      "unknown-event",
      `event_fqn ${JSON.stringify(event.event_fqn.slice(0, 100))} is not one of the known Dixa events (rejectUnknownEvents is on)`,
    );
  }
  return event;
}

function envelopeProblem(value: unknown): string | undefined {
  if (!isRecord(value))
    return `it is ${Array.isArray(value) ? "an array" : String(value === null ? "null" : typeof value)}, not an object`;
  for (const field of ["event_id", "event_fqn", "event_version", "event_timestamp"]) {
    if (typeof value[field] !== "string" || value[field] === "") {
      return `${field} is ${field in value ? "not a non-empty string" : "missing"}`;
    }
  }
  for (const field of ["organization", "data"]) {
    if (!isRecord(value[field]))
      return `${field} is ${field in value ? "not an object" : "missing"}`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
