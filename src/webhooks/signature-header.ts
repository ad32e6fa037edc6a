/**
 * Parsing `X-DIXA-SIGNATURE: t=<unix ms>,v1=<hex HMAC-SHA256>`. Dixa documents exactly two
 * pairs; this also takes spaces around the pairs and around `=`, several `v1` values (as a
 * sender rotating its secret would send) and unknown keys (a future `v2` scheme), which are
 * ignored. Anything else is malformed.
 */
import { DixaWebhookSignatureError } from "./errors.js";

export const signatureHeaderName = "x-dixa-signature";

export interface ParsedSignatureHeader {
  /** `t` exactly as sent: it is signed as text, so it is never re-formatted. */
  timestamp: string;
  /** `t` as a number of milliseconds since the Unix epoch. */
  timestampMs: number;
  /** Every `v1` value, lower-cased (each 64 hex digits). */
  signatures: string[];
}

const digitsOnly = /^\d{1,16}$/;
const sha256Hex = /^[0-9a-f]{64}$/i;
/** A header is a few hundred bytes; a longer one is not worth parsing. */
const maxHeaderLength = 8192;

export function parseSignatureHeader(value: string): ParsedSignatureHeader {
  const malformed = (why: string) =>
    new DixaWebhookSignatureError(
      "malformed-header",
      `X-DIXA-SIGNATURE is malformed: ${why} (expected t=<unix ms>,v1=<64 hex digits>)`,
    );
  if (value.length > maxHeaderLength) throw malformed(`it is ${value.length} characters long`);
  const timestamps = new Set<string>();
  const signatures: string[] = [];
  for (const piece of value.split(",")) {
    const pair = piece.trim();
    if (pair === "") continue; // a stray comma, e.g. from joining repeated headers
    const equals = pair.indexOf("=");
    if (equals <= 0) throw malformed("a part is not key=value");
    const key = pair.slice(0, equals).trim();
    const item = pair.slice(equals + 1).trim();
    if (key === "t") {
      if (!digitsOnly.test(item)) throw malformed("t is not a number of milliseconds");
      timestamps.add(item);
    } else if (key === "v1") {
      if (!sha256Hex.test(item)) throw malformed("a v1 value is not 64 hex digits");
      signatures.push(item.toLowerCase());
    }
  }
  if (timestamps.size === 0) throw malformed("no t");
  if (timestamps.size > 1) throw malformed("more than one t, with different values");
  if (signatures.length === 0) throw malformed("no v1 signature");
  const timestamp = [...timestamps][0]!;
  const timestampMs = Number(timestamp);
  if (!Number.isSafeInteger(timestampMs)) throw malformed("t is out of range");
  return { timestamp, timestampMs, signatures };
}
