/**
 * The subscription's `secretKey` is hex; its decoded bytes are the HMAC key (Dixa's docs say so,
 * and using the hex text as UTF-8 gives a different, wrong signature). The key is imported into
 * Web Crypto as non-extractable, so neither it nor the secret is reachable from the key object.
 */
import { hexToBytes, isEvenLengthHex } from "./hex.js";

/**
 * Throws a TypeError unless `secret` is even-length hex. The message describes the value by
 * length only: a secret is never echoed, not even in part.
 */
export function assertWebhookSecret(secret: unknown, name = "secret"): asserts secret is string {
  if (typeof secret !== "string") {
    throw new TypeError(
      `${name} must be the webhook subscription's secretKey (a hex string), got ${secret === null ? "null" : typeof secret}`,
    );
  }
  if (isEvenLengthHex(secret)) return;
  const hint =
    secret.length === 0
      ? "it is empty"
      : /\s/.test(secret)
        ? "it contains whitespace (a line break copied from an env file?)"
        : secret.length % 2 === 1
          ? "its length is odd"
          : "it contains a character that is not 0-9 or a-f";
  throw new TypeError(
    `${name} must be the webhook subscription's secretKey as hex (an even number of 0-9/a-f characters), but ${hint}; got a string of ${secret.length} characters`,
  );
}

/** An HMAC-SHA256 key for signing and verifying, from a secret already checked as hex. */
export async function importWebhookKey(secret: string): Promise<CryptoKey> {
  const bytes = hexToBytes(secret);
  try {
    return await webCrypto().importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
  } finally {
    // The key lives inside Web Crypto now; do not leave a copy of it in our heap.
    bytes.fill(0);
  }
}

/** Web Crypto's SubtleCrypto: global in Node 20+, Deno, Bun, browsers and edge runtimes. */
export function webCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle === undefined) {
    throw new Error(
      "Web Crypto (globalThis.crypto.subtle) is not available in this runtime; dixa-beta/webhooks needs it to check signatures",
    );
  }
  return subtle;
}
