/**
 * Dixa's signature check, all of it: `X-DIXA-SIGNATURE: t=<unix ms>,v1=<hex>`, where `v1` is the
 * HMAC-SHA256, keyed by the hex-decoded `secretKey`, of `t` + "." + the body bytes as received.
 * Then the freshness of `t`. The signature is checked before the time, so "stale" always means a
 * genuine delivery that came too late (or a clock that is off), never a forgery.
 *
 * Web Crypto only (Node.js 20+, Deno, Bun, browsers, edge runtimes): nothing here imports from
 * Node.js. No exported signature mentions Web Crypto's types, which a Node.js project without the
 * DOM library does not know.
 */
import { secretText } from "../shared/secret-text.js";
import { DixaWebhookSignatureError } from "./errors.js";

// --- What a delivery hands over: headers and the raw body -----------------------------------

/** A Fetch `Headers` object, or a record of header names to values (Node, Express, Lambda). */
export type DixaWebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The request body exactly as received: bytes (a Node `Buffer` is fine) or the text of them. */
export type DixaWebhookRawBody = Uint8Array | ArrayBuffer | string;

/** A header, case-insensitively; repeated values joined with "," as HTTP allows for lists. */
export function readHeader(headers: DixaWebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === "string") values.push(value);
    else if (Array.isArray(value)) values.push(...(value as string[]));
  }
  return values.length === 0 ? undefined : values.join(",");
}

export function assertHeaders(
  headers: unknown,
  name = "headers",
): asserts headers is DixaWebhookHeaders {
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw new TypeError(
      `${name} must be a Headers object or a record of header names to values, got ${headers === null ? "null" : Array.isArray(headers) ? "an array" : typeof headers}`,
    );
  }
}

const encoder = new TextEncoder();

/**
 * The raw body as bytes, or a TypeError that says what was passed instead. Dixa pretty-prints
 * its JSON and escapes non-ASCII characters, so a body parsed and serialised again never
 * verifies: a parsed object is refused here, with the reason, not reported later as a puzzling
 * bad signature.
 */
export function rawBodyBytes(body: unknown, name = "rawBody"): Uint8Array {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === "string") return encoder.encode(body);
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  if (typeof body === "object" && body !== null) throw parsedBodyError(name);
  throw new TypeError(
    `${name} must be the raw request body (a Uint8Array, Buffer or string), got ${body === null ? "null" : typeof body}`,
  );
}

/** The error for a body that a JSON parser already turned into an object. */
export function parsedBodyError(name: string): TypeError {
  return new TypeError(
    `${name} must be the raw request body (a Uint8Array, Buffer or string), got a parsed object: ` +
      "a JSON body parser (such as express.json()) ran first and the exact bytes Dixa signed are gone. " +
      "Mount the webhook route before the parser and give it receiver.nodeHandler(), or express.raw({ type: 'application/json', limit: DEFAULT_MAX_BODY_BYTES })",
  );
}

// --- Options ----------------------------------------------------------------------------------

/**
 * How far `t` may be from the time of receipt, either way: 5 minutes. Dixa documents no window.
 * The one real delivery on record was signed 0.17 s after its event happened, and its receiver
 * logged it 37.5 s after `t` (why so late is unknown), so a tight window could refuse genuine
 * deliveries; 5 minutes leaves room for several times that while still refusing a captured
 * delivery replayed later. Within the window, de-duplicate by `event_id` to refuse replays.
 */
export const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000;

export interface DixaWebhookVerifyOptions {
  /**
   * Largest accepted distance, in milliseconds, between the signature's `t` and `receivedAt`
   * (older or newer). Default {@link DEFAULT_TOLERANCE_MS} (5 minutes). `Infinity` turns the
   * check off, e.g. to re-check a stored delivery.
   */
  toleranceMs?: number;
  /** When the delivery arrived, in ms since the epoch (or a Date). Default: now. */
  receivedAt?: number | Date;
}

export interface ResolvedVerifyOptions {
  toleranceMs: number;
  receivedAtMs: number;
}

export function resolveVerifyOptions(
  options: DixaWebhookVerifyOptions | undefined,
): ResolvedVerifyOptions {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(
      `options must be an object, got ${options === null ? "null" : typeof options}`,
    );
  }
  const toleranceMs = options?.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  if (typeof toleranceMs !== "number" || Number.isNaN(toleranceMs) || toleranceMs < 0) {
    throw new TypeError(
      `options.toleranceMs must be a number of milliseconds >= 0 (or Infinity), got ${String(toleranceMs)}`,
    );
  }
  const receivedAt = options?.receivedAt ?? Date.now();
  const receivedAtMs = receivedAt instanceof Date ? receivedAt.getTime() : receivedAt;
  if (typeof receivedAtMs !== "number" || !Number.isFinite(receivedAtMs)) {
    throw new TypeError(
      `options.receivedAt must be a Date or a number of milliseconds since the epoch, got ${String(receivedAt)}`,
    );
  }
  return { toleranceMs, receivedAtMs };
}

// --- The secret and its key -------------------------------------------------------------------

/**
 * The subscription's `secretKey`, trimmed (a line break from an env file is harmless), or a
 * TypeError unless it is even-length hex. Its decoded bytes are the HMAC key: Dixa's docs say
 * so, and using the hex text as UTF-8 gives a different, wrong signature.
 */
export function webhookSecret(secret: unknown, name = "secret"): string {
  return secretText(secret, `${name} (the webhook subscription's secretKey)`, "hex");
}

/** HMAC-SHA256 of `timestamp` + "." + `body` under one secret. */
export type Signer = (timestamp: string, body: Uint8Array) => Promise<Uint8Array>;

/**
 * A signer for a secret already checked by `webhookSecret`. The key is imported into Web Crypto
 * as non-extractable and the decoded bytes are zeroed, so no copy of it stays in our heap.
 */
export async function importSigner(secret: string): Promise<Signer> {
  const subtle = webCrypto();
  const bytes = hexToBytes(secret);
  let key: CryptoKey;
  try {
    key = await subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  } finally {
    bytes.fill(0);
  }
  return async (timestamp, body) => {
    const prefix = encoder.encode(`${timestamp}.`);
    const signed = new Uint8Array(prefix.length + body.length);
    signed.set(prefix);
    signed.set(body, prefix.length);
    return new Uint8Array(await subtle.sign("HMAC", key, signed));
  };
}

function webCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle === undefined) {
    throw new Error(
      "Web Crypto (globalThis.crypto.subtle) is not available in this runtime; dixa-beta/webhooks needs it to check signatures",
    );
  }
  return subtle;
}

const hexDigits = "0123456789abcdef";

/** Decodes hex already checked as even-length hex (a lenient decoder would stop at a bad digit). */
function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

/** Lower-case hex, as Dixa writes its signatures. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += hexDigits[byte >> 4]! + hexDigits[byte & 15]!;
  return hex;
}

// --- The header -------------------------------------------------------------------------------

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

/**
 * Parses the header. Dixa documents exactly two pairs; this also takes spaces around the pairs
 * and around `=`, several `v1` values (as a sender rotating its secret would send) and unknown
 * keys (a future `v2` scheme), which are ignored. Anything else is malformed.
 */
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

// --- The check --------------------------------------------------------------------------------

/**
 * Throws a `DixaWebhookSignatureError` unless the headers carry a valid, fresh signature of
 * `body`. Returns the parsed header.
 */
export async function verifySignature(
  sign: Signer,
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
  const expected = await sign(header.timestamp, body);
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

/**
 * Byte comparison whose running time does not depend on where the inputs differ, so an attacker
 * timing our answers cannot learn the expected signature byte by byte. (Node's timingSafeEqual
 * does the same, but this entry imports nothing from Node.)
 */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Lengths are not secret: every HMAC-SHA256 is 32 bytes.
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120 * 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 72 * 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} days`;
}
