/**
 * Strict hex decoding. A lenient decoder (Node's `Buffer.from(x, "hex")`) stops silently at the
 * first bad character, which would turn a mistyped secret into a short, wrong HMAC key.
 */

const hexPattern = /^(?:[0-9a-fA-F]{2})+$/;
const digits = "0123456789abcdef";

/** True for a non-empty, even-length string of hex digits (either case). */
export function isEvenLengthHex(value: string): boolean {
  return hexPattern.test(value);
}

/** Decodes hex the caller has already checked with `isEvenLengthHex`. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}

/** Lower-case hex, as Dixa writes its signatures. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += digits[byte >> 4]! + digits[byte & 15]!;
  return hex;
}
