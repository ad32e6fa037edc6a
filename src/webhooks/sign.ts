/**
 * Test deliveries: sign a payload exactly as Dixa does, so users' own tests can post realistic
 * deliveries to their receivers (the counterpart of Stripe's `generateTestHeaderString`), with
 * the body laid out as Dixa lays out its JSON.
 */
import { bytesToHex, importSigner, rawBodyBytes, webhookSecret } from "./verify.js";

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
 * import { sampleDixaEvent, signDixaWebhook } from "dixa-beta/webhooks";
 *
 * const secret = process.env.DIXA_WEBHOOK_SECRET!;
 * const { body, headers } = await signDixaWebhook(sampleDixaEvent("CONVERSATION_CREATED"), secret);
 * await fetch("http://localhost:3000/dixa/webhooks", { method: "POST", body, headers });
 * ```
 */
export async function signDixaWebhook(
  payload: unknown,
  secret: string,
  options: SignDixaWebhookOptions = {},
): Promise<SignedDixaWebhook> {
  webhookSecret(secret);
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
  const sign = await importSigner(webhookSecret(secret));
  return bytesToHex(await sign(String(resolveTimestamp(timestamp)), rawBodyBytes(body, "body")));
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

// --- Dixa's JSON layout ------------------------------------------------------------------------

/**
 * JSON laid out the way Dixa's deliveries are, so a test delivery has the same bytes a real one
 * would. What is known (inferred from a real delivery's Content-Length, which only this layout
 * reproduces): two-space indentation, `" : "` between key and value, empty arrays as `[ ]`,
 * every non-ASCII character escaped as `\uXXXX`. That is the default pretty printer of Jackson
 * (Dixa's senders run on the JVM), so the rest follows Jackson too: arrays on one line
 * (`[ 1, 2 ]`, objects in them opening on the same line), empty objects as `{ }`, upper-case
 * hex in escapes. Numbers are written as JavaScript writes them (Jackson differs for some
 * doubles, e.g. 1.0E21; Dixa's payloads hold only integers as far as is known).
 */
const shortEscapes: Record<number, string> = {
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x5c: "\\\\",
};

/** Serialises `value` in Dixa's layout. Undefined and function values are left out, as JSON.stringify does. */
export function toDixaJson(value: unknown): string {
  const out = write(value, 1, new Set());
  if (out === undefined) throw new TypeError("the payload must be a JSON value, got undefined");
  return out;
}

function write(value: unknown, depth: number, ancestors: Set<object>): string | undefined {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      if (!Number.isFinite(value))
        throw new TypeError(`the payload holds ${value}, which JSON cannot carry`);
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return "null";
  const object = value as object;
  if (ancestors.has(object))
    throw new TypeError("the payload refers to itself, which JSON cannot carry");
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      if (object.length === 0) return "[ ]";
      const items = object.map((item) => write(item, depth, ancestors) ?? "null");
      return `[ ${items.join(", ")} ]`;
    }
    const indent = "\n" + "  ".repeat(depth);
    const entries: string[] = [];
    for (const [key, item] of Object.entries(object)) {
      const written = write(item, depth + 1, ancestors);
      if (written !== undefined) entries.push(`${indent}${quote(key)} : ${written}`);
    }
    if (entries.length === 0) return "{ }";
    return `{${entries.join(",")}\n${"  ".repeat(depth - 1)}}`;
  } finally {
    ancestors.delete(object);
  }
}

function quote(text: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c) continue;
    if (code === 0x7f) continue; // Jackson leaves DEL as is
    out +=
      text.slice(start, i) +
      (shortEscapes[code] ?? `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`);
    start = i + 1;
  }
  return `${out}${text.slice(start)}"`;
}
