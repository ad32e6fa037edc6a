/**
 * The forms a token may take in a text that leaks it: as is, base64 (both alphabets), hex,
 * percent-encoded, and JSON-escaped with every non-ASCII character as `\uXXXX`.
 */
export function tokenEncodings(token: string): string[] {
  const bytes = Buffer.from(token);
  return [
    token,
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    encodeURIComponent(token),
    JSON.stringify(token)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  ];
}
