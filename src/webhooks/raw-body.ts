/**
 * The signature covers the body's bytes exactly as sent. Dixa pretty-prints its JSON and escapes
 * non-ASCII characters, so a body that was parsed and re-serialised never verifies: refuse a
 * parsed object here, with the reason, instead of reporting a puzzling bad signature later.
 */

/** The request body exactly as received: bytes (a Node `Buffer` is fine) or the text of them. */
export type DixaWebhookRawBody = Uint8Array | ArrayBuffer | string;

const encoder = new TextEncoder();

/** The raw body as bytes, or a TypeError that says what was passed instead. */
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
      "Give this route the raw body instead (express.raw({ type: 'application/json' }), or request.arrayBuffer())",
  );
}
