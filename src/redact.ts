/**
 * Removes a secret from anything that might be shown to a person: error messages, bodies a
 * server echoed back, log events. A server may echo the token in another form than it was sent,
 * so each of its characters is also recognised JSON-escaped (`\u0073`, `\u00F6`),
 * percent-encoded (as UTF-8 or Latin-1, once or twice), or as an HTML character reference, in
 * any mix; and the whole token base64- and hex-encoded. The key itself stays in a closure, never
 * on an object.
 *
 * A secret shorter than {@link minSecretLength} characters is left alone: no Dixa token is that
 * short, so such a value is a test token and nothing to hide, and hiding it would garble every
 * text around it (a token `json` would turn `application/json` into `application/[redacted]`).
 */
export interface Redactor {
  /** The text with every form of the secret replaced by `[redacted]`. */
  text(value: string): string;
  /** A header name with every form of the secret replaced by `redacted` (still a valid name). */
  headerName(name: string): string;
  /**
   * A copy of JSON-like data (a parsed body) with the secret removed from every string and key,
   * however deep. Keys such as `__proto__` stay plain data and never become a prototype.
   */
  data<T>(value: T): T;
}

/** Shorter secrets are not redacted: see {@link Redactor}. */
export const minSecretLength = 8;

export const redactedMarker = "[redacted]";

export function createRedactor(secret: string): Redactor {
  if (secret.length < minSecretLength) {
    return { text: (value) => value, headerName: (name) => name, data: (value) => value };
  }
  const pattern = new RegExp(
    [characterwise(secret), ...wholeEncodings(secret)].map((p) => `(?:${p})`).join("|"),
    "gi",
  );
  const text = (value: string): string => {
    pattern.lastIndex = 0;
    return pattern.test(value) ? value.replace(pattern, redactedMarker) : value;
  };
  return {
    text,
    headerName: (name) => {
      pattern.lastIndex = 0;
      return pattern.test(name) ? name.replace(pattern, "redacted") : name;
    },
    data: <T>(value: T): T => {
      if (typeof value === "string") return text(value) as T;
      if (typeof value !== "object" || value === null) return value;
      try {
        // Through JSON and back: every string at any depth is seen, and JSON.parse keeps a
        // `__proto__` key as an own data property.
        return JSON.parse(text(JSON.stringify(value))) as T;
      } catch {
        return redactedMarker as T;
      }
    },
  };
}

/** The secret with each character in any of the forms a server might echo it in. */
function characterwise(secret: string): string {
  return Array.from(secret, (char) => {
    const code = char.codePointAt(0)!;
    const utf8 = Array.from(utf8Bytes(char), (byte) => `%(?:25)?${hex2(byte)}`);
    const forms = [
      escapeRegExp(char),
      // JSON escapes: one per UTF-16 unit, so a character beyond U+FFFF is a surrogate pair.
      Array.from(
        { length: char.length },
        (_, i) => `\\\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`,
      ).join(""),
      utf8.join(""),
      `&#x0*${code.toString(16)};`,
      `&#0*${code};`,
    ];
    // A Latin-1 character percent-encoded as its one Latin-1 byte (%F6 for ö).
    if (code >= 0x80 && code <= 0xff) forms.push(`%(?:25)?${hex2(code)}`);
    if (char === '"' || char === "\\" || char === "/") forms.push(`\\\\${escapeRegExp(char)}`);
    return `(?:${forms.join("|")})`;
  }).join("");
}

// Made on first use (a client's first redactor), not when the module loads: nothing here runs at import.
let encoder: TextEncoder | undefined;
const utf8Bytes = (text: string) => (encoder ??= new TextEncoder()).encode(text);

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, "0");
}

/**
 * Base64 (standard and URL-safe) of the secret at each of the three byte alignments it can have
 * inside a longer encoded text (the characters that depend on the secret alone), and its hex.
 */
function wholeEncodings(secret: string): string[] {
  const bytes = utf8Bytes(secret);
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const base64 = btoa(String.fromCharCode(...padded));
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = base64.slice(first, end);
    if (core.length < 8) continue;
    forms.push(escapeRegExp(core), escapeRegExp(core.replace(/\+/g, "-").replace(/\//g, "_")));
  }
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  if (hex.length >= 8) forms.push(hex);
  return forms;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
