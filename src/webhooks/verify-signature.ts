/**
 * Dixa's signature check: HMAC-SHA256, keyed by the hex-decoded secret, over `t` + "." + the raw
 * body; hex; equal to one of the `v1` values. Then the freshness of `t`. The signature is checked
 * first, so "stale" always means a genuine delivery that came too late (or a clock that is off),
 * never a forgery.
 */
import { DixaWebhookSignatureError } from "./errors.js";
import { constantTimeEqual } from "./constant-time.js";
import { readHeader, type DixaWebhookHeaders } from "./header-lookup.js";
import { hexToBytes } from "./hex.js";
import { webCrypto } from "./secret-key.js";
import {
  parseSignatureHeader,
  signatureHeaderName,
  type ParsedSignatureHeader,
} from "./signature-header.js";
import type { ResolvedVerifyOptions } from "./verify-options.js";

const encoder = new TextEncoder();

/** HMAC-SHA256 of `timestamp` + "." + `body` under `key`. */
export async function signatureOf(
  key: CryptoKey,
  timestamp: string,
  body: Uint8Array,
): Promise<Uint8Array> {
  const prefix = encoder.encode(`${timestamp}.`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix);
  signed.set(body, prefix.length);
  return new Uint8Array(await webCrypto().sign("HMAC", key, signed));
}

/**
 * Throws a `DixaWebhookSignatureError` unless the headers carry a valid, fresh signature of
 * `body`. Returns the parsed header.
 */
export async function verifyWithKey(
  key: CryptoKey,
  body: Uint8Array,
  headers: DixaWebhookHeaders,
  options: ResolvedVerifyOptions,
): Promise<ParsedSignatureHeader> {
  const value = readHeader(headers, signatureHeaderName);
  if (value === undefined || value.trim() === "") {
    throw new DixaWebhookSignatureError(
      "missing-header",
      "the delivery has no X-DIXA-SIGNATURE header, so it cannot be shown to come from Dixa",
    );
  }
  const header = parseSignatureHeader(value);
  const expected = await signatureOf(key, header.timestamp, body);
  // Compare against every v1 without stopping at the first match.
  let matched = false;
  for (const candidate of header.signatures) {
    matched = constantTimeEqual(hexToBytes(candidate), expected) || matched;
  }
  if (!matched) {
    throw new DixaWebhookSignatureError(
      "bad-signature",
      `no v1 signature in X-DIXA-SIGNATURE matches the body (${header.signatures.length} tried). ` +
        "Check the secret is this subscription's secretKey, and that the body is the raw bytes as received, " +
        "not parsed and re-serialised",
    );
  }
  const drift = options.receivedAtMs - header.timestampMs;
  if (Math.abs(drift) > options.toleranceMs) {
    throw new DixaWebhookSignatureError(
      "stale",
      `the signature's timestamp is ${formatDuration(Math.abs(drift))} ${drift > 0 ? "older than" : "ahead of"} ` +
        `the time of receipt, outside the ${formatDuration(options.toleranceMs)} window (toleranceMs): ` +
        (drift > 0 ? "a replay, or a delivery delayed that long" : "is a clock wrong?"),
    );
  }
  return header;
}

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120 * 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 72 * 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} days`;
}
