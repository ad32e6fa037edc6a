/**
 * Removes a secret from anything that might be shown to a person: error messages, bodies a
 * server echoed back, log events. A server may echo the token in another form than it was sent,
 * so each of its characters is also recognised JSON-escaped (`\u0073`), percent-encoded (once or
 * twice), or as an HTML character reference, in any mix; and the whole token base64- and
 * hex-encoded. The key itself stays in a closure, never on an object.
 */
export interface Redactor {
  /** The text with every form of the secret replaced by `[redacted]`. */
  text(value: string): string;
  /**
   * A copy of JSON-like data (a parsed body) with the secret removed from every string and key,
   * however deep. Keys such as `__proto__` stay plain data and never become a prototype.
   */
  data<T>(value: T): T;
}

export const redactedMarker = "[redacted]";

export function createRedactor(secret: string): Redactor {
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
    const forms = [escapeRegExp(char)];
    if (code < 0x80) {
      const hex = code.toString(16);
      forms.push(
        `\\\\u${hex.padStart(4, "0")}`,
        `%(?:25)?${hex.padStart(2, "0")}`,
        `&#x0*${hex};`,
        `&#0*${code};`,
      );
      if (char === '"' || char === "\\" || char === "/") forms.push(`\\\\${escapeRegExp(char)}`);
    }
    return forms.length === 1 ? forms[0]! : `(?:${forms.join("|")})`;
  }).join("");
}

/**
 * Base64 (standard and URL-safe) of the secret at each of the three byte alignments it can have
 * inside a longer encoded text (the characters that depend on the secret alone), and its hex.
 */
function wholeEncodings(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
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
