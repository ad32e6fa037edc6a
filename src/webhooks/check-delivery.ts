/**
 * The steps shared by every way in (internal: its types mention Web Crypto's CryptoKey, which
 * a Node.js project without the DOM library does not know, so no public declaration refers to
 * this file). Parsing happens only after the signature holds.
 */
import type { DixaConstructEventOptions } from "./construct-event.js";
import { DixaWebhookPayloadError } from "./errors.js";
import { isDixaEventFqn } from "./event-names.js";
import type { DixaWebhookEvent } from "./event-types.js";
import { assertHeaders } from "./header-lookup.js";
import { rawBodyBytes } from "./raw-body.js";
import { resolveVerifyOptions } from "./verify-options.js";
import { verifyWithKey } from "./verify-signature.js";

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
