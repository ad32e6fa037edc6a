/**
 * From a delivery to a typed event: check the signature over the raw bytes, then parse them,
 * then read the envelope. The body is parsed only once the signature holds, so a forged body
 * never reaches JSON.parse. A verified delivery is refused only for what this package cannot
 * work without: JSON, an object, a non-empty `event_id` (the de-duplication key) and
 * `event_fqn` (what the event is).
 */
import { DixaWebhookPayloadError } from "./errors.js";
import { isDixaEventFqn } from "./event-names.js";
import { isDataObject, type DixaKnownWebhookEvent, type DixaWebhookEvent } from "./events.js";
import {
  assertHeaders,
  importSigner,
  rawBodyBytes,
  resolveVerifyOptions,
  verifySignature,
  webhookSecret,
  type DixaWebhookHeaders,
  type DixaWebhookRawBody,
  type DixaWebhookVerifyOptions,
  type Signer,
} from "./verify.js";

export interface DixaConstructEventOptions extends DixaWebhookVerifyOptions {
  /**
   * Refuse an event this package cannot type, a `DixaWebhookPayloadError` of kind
   * `"unknown-event"`, instead of passing it through as a `DixaUnknownWebhookEvent`: one whose
   * `event_fqn` is not one of the 32 known ones, or whose `data` is not an object. Default
   * false: a new Dixa event type must not break a receiver.
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
 * @param secret the subscription's `secretKey` (hex; surrounding whitespace is ignored)
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
  const key = webhookSecret(secret);
  const check = prepareCheck(rawBody, headers, options);
  return check(await importSigner(key));
}

/**
 * Checks the arguments now (TypeErrors before any work) and returns the rest of the job, to run
 * with the secret's signer. Every way in (a raw body, a Web or a Node request) goes through it.
 */
export function prepareCheck(
  rawBody: unknown,
  headers: unknown,
  options: DixaConstructEventOptions | undefined,
): (sign: Signer) => Promise<DixaWebhookEvent> {
  const body = rawBodyBytes(rawBody);
  assertHeaders(headers);
  const verifyOptions = resolveVerifyOptions(options);
  const rejectUnknown = options?.rejectUnknownEvents ?? false;
  return async (sign) => {
    await verifySignature(sign, body, headers, verifyOptions);
    return parseEvent(body, rejectUnknown);
  };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The verified body as an event: UTF-8 JSON, an object, with `event_id` and `event_fqn`. */
function parseEvent(body: Uint8Array, rejectUnknown: boolean): DixaWebhookEvent {
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
  if (rejectUnknown) {
    const why = !isDixaEventFqn(event.event_fqn)
      ? `event_fqn ${JSON.stringify(event.event_fqn.slice(0, 100))} is not one of the known Dixa events`
      : !isDataObject(event.data)
        ? `its data is ${describe(event.data)}, not an object`
        : undefined;
    if (why !== undefined) {
      throw new DixaWebhookPayloadError("unknown-event", `${why} (rejectUnknownEvents is on)`);
    }
  }
  return event;
}

/** What is missing for this package to work with the value: only the two keys it relies on. */
function envelopeProblem(value: unknown): string | undefined {
  if (!isDataObject(value)) return `it is ${describe(value)}, not an object`;
  for (const field of ["event_id", "event_fqn"]) {
    if (typeof value[field] !== "string" || value[field] === "") {
      return `${field} is ${field in value ? "not a non-empty string" : "missing"}`;
    }
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
