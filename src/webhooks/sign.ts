/**
 * Test helpers: sign a payload exactly as Dixa does, so users' own tests can post realistic
 * deliveries to their receivers (the counterpart of Stripe's `generateTestHeaderString`).
 */
import { toDixaJson } from "./dixa-json.js";
import { bytesToHex } from "./hex.js";
import { rawBodyBytes } from "./raw-body.js";
import { assertWebhookSecret, importWebhookKey } from "./secret-key.js";
import { signatureOf } from "./verify-signature.js";

export interface SignDixaWebhookOptions {
  /** The signature's `t`: ms since the epoch, or a Date (default: now). */
  timestamp?: number | Date;
  /** Sent as `X-DIXA-SUBSCRIPTION-ID` when given. */
  subscriptionId?: string;
}

/** A delivery as Dixa sends it: the body text and the headers. */
export interface SignedDixaWebhook {
  /** The exact body, pretty-printed as Dixa does (ASCII only: non-ASCII is escaped). */
  body: string;
  /** `Content-Type`, `X-DIXA-SIGNATURE` and, if asked, `X-DIXA-SUBSCRIPTION-ID`. */
  headers: Record<string, string>;
}

/**
 * Signs a payload as Dixa would deliver it. An object is serialised in Dixa's layout; a string
 * or bytes are signed as they are (to test a body of your own making).
 *
 * ```ts
 * const { body, headers } = await signDixaWebhook(sampleDixaEvent("CONVERSATION_CLOSED"), secret);
 * await fetch("http://localhost:3000/dixa", { method: "POST", body, headers });
 * ```
 */
export async function signDixaWebhook(
  payload: unknown,
  secret: string,
  options: SignDixaWebhookOptions = {},
): Promise<SignedDixaWebhook> {
  assertWebhookSecret(secret);
  const body =
    typeof payload === "string"
      ? payload
      : payload instanceof Uint8Array || payload instanceof ArrayBuffer
        ? utf8Text(payload)
        : toDixaJson(payload);
  const timestamp = resolveTimestamp(options.timestamp);
  const signature = await computeDixaSignature(body, secret, timestamp);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-DIXA-SIGNATURE": `t=${timestamp},v1=${signature}`,
  };
  if (options.subscriptionId !== undefined) {
    headers["X-DIXA-SUBSCRIPTION-ID"] = options.subscriptionId;
  }
  return { body, headers };
}

/**
 * The hex `v1` signature of `body` at `timestamp` (ms) under `secret`: HMAC-SHA256 of
 * `timestamp + "." + body` keyed by the hex-decoded secret. For building headers by hand, e.g.
 * with several `v1` values.
 */
export async function computeDixaSignature(
  body: Uint8Array | ArrayBuffer | string,
  secret: string,
  timestamp: number | Date,
): Promise<string> {
  assertWebhookSecret(secret);
  const bytes = rawBodyBytes(body, "body");
  const key = await importWebhookKey(secret);
  return bytesToHex(await signatureOf(key, String(resolveTimestamp(timestamp)), bytes));
}

function resolveTimestamp(timestamp: number | Date | undefined): number {
  const ms =
    timestamp === undefined
      ? Date.now()
      : timestamp instanceof Date
        ? timestamp.getTime()
        : timestamp;
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new TypeError(
      `timestamp must be a Date or a whole number of milliseconds since the epoch, got ${String(timestamp)}`,
    );
  }
  return ms;
}

/** Bytes as text; bytes that are not UTF-8 could not be returned as the same body, so refuse them. */
function utf8Text(bytes: Uint8Array | ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new TypeError(
      "payload bytes must be UTF-8 text (a JSON body); sign other bytes with computeDixaSignature",
    );
  }
}
