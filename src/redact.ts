/**
 * Removes a secret from anything that might be shown to a person: error messages, bodies a
 * server echoed back, log events. A server may echo the token in another form than it was sent,
 * so each of its characters is also recognised JSON-escaped (`\u0073`, `\u00F6`, `\/`, `\"`)
 * at any depth (a JSON text quoted in a JSON string, and that stringified again, doubles the
 * backslashes each time), percent-encoded (as UTF-8 or Latin-1, any number of times, escapes
 * included), or as an HTML character reference (numeric or named, `&amp;`-escaped or not), in any
 * mix; and the whole token hex- and base64-encoded (either alphabet), as is, JSON-escaped or
 * percent-encoded before, or base64-encoded twice. The key itself stays in a closure, never on
 * an object.
 *
 * A secret shorter than {@link minSecretLength} characters is left alone: no Dixa token is that
 * short, so such a value is a test token and nothing to hide, and hiding it would garble every
 * text around it (a token `json` would turn `application/json` into `application/[redacted]`).
 */
import { utf8Bytes } from "./utf8.js";

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

/**
 * Percent-encoding up to four times (`%2F`, `%252F`, ...), and a backslash as text or so encoded:
 * each JSON stringification doubles the backslashes before an escape, so a JSON text embedded in
 * a JSON string (an error body quoting another service's) escapes the token's characters as
 * `\\u00f6`, `\\\"`, and so on. Every repetition is bounded: an unbounded one would make a long
 * run of backslashes or `%25` cost time quadratic in its length (200,000 backslashes: 79 s).
 */
const percent = "%(?:25){0,3}";
const backslash = `(?:\\\\|${percent}5c)`;
/** Up to four stringifications: one backslash becomes 1, 2, 4, 8; before a `"`, 1, 3, 7, 15. */
const backslashes = `${backslash}{1,15}`;
/** An HTML reference's `&`, itself escaped up to three times (`&amp;#47;`). */
const ampersand = "&(?:amp;){0,3}";

/** Characters a JSON (or PHP's `\/`, or JavaScript's `\'`) string escapes with a backslash. */
const backslashEscaped = new Set(['"', "\\", "/", "'"]);

/** Named HTML character references for the characters a token may hold that have one. */
const htmlNames: Record<string, string> = {
  '"': "quot",
  "&": "amp",
  "'": "apos",
  "/": "sol",
  "+": "plus",
  "=": "equals",
  "<": "lt",
  ">": "gt",
};

/** The secret with each character in any of the forms a server might echo it in. */
function characterwise(secret: string): string {
  return Array.from(secret, (char) => {
    const code = char.codePointAt(0)!;
    const utf8 = Array.from(utf8Bytes(char), (byte) => `${percent}${hex2(byte)}`);
    // HTML references, themselves escaped any number of times (`&amp;#47;`).
    const html = `${ampersand}(?:#x0{0,8}${code.toString(16)}|#0{0,8}${code}${htmlNames[char] ? `|${htmlNames[char]}` : ""});`;
    const forms = [
      escapeRegExp(char),
      // JSON escapes: one per UTF-16 unit (a character beyond U+FFFF is a surrogate pair), with
      // the backslash doubled by each further stringification.
      Array.from(
        { length: char.length },
        (_, i) => `${backslashes}u${char.charCodeAt(i).toString(16).padStart(4, "0")}`,
      ).join(""),
      utf8.join(""),
      html,
    ];
    // A Latin-1 character percent-encoded as its one Latin-1 byte (%F6 for ö).
    if (code >= 0x80 && code <= 0xff) forms.push(`${percent}${hex2(code)}`);
    if (backslashEscaped.has(char)) {
      forms.push(`${backslashes}(?:${escapeRegExp(char)}|${utf8.join("")})`);
    }
    // A space, form-encoded.
    if (char === " ") forms.push("\\+");
    return `(?:${forms.join("|")})`;
  }).join("");
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, "0");
}

/**
 * The secret encoded whole: hex, and base64 (standard and URL-safe), of the secret itself, of the
 * forms a text carrying it may have been in before it was encoded (JSON-escaped,
 * percent-encoded), and of its own base64 (a Basic credential inside a base64 blob). Each
 * base64 is taken at the three byte alignments it can have inside a longer text (the characters
 * that depend on the secret alone), and each of its `+` and `/` may have been escaped or
 * percent-encoded since.
 */
function wholeEncodings(secret: string): string[] {
  const jsonEscaped = JSON.stringify(secret).slice(1, -1);
  const texts = new Set([
    secret,
    jsonEscaped,
    jsonEscaped.replace(/\//g, "\\/"),
    encodeURIComponent(secret),
  ]);
  const cores = new Set([...texts].flatMap(base64Cores));
  for (const core of base64Cores(secret)) for (const twice of base64Cores(core)) cores.add(twice);
  const forms = [...cores].map((core) => Array.from(core, base64Char).join(""));
  const hex = Array.from(utf8Bytes(secret), hex2).join("");
  if (hex.length >= 8) forms.push(hex);
  return forms;
}

/** Base64 of `text` at each byte alignment, as far as it depends on `text` alone. */
function base64Cores(text: string): string[] {
  const bytes = utf8Bytes(text);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    let binary = "";
    for (const byte of padded) binary += String.fromCharCode(byte);
    const base64 = btoa(binary);
    const core = base64.slice(Math.ceil((offset * 8) / 6), Math.floor((padded.length * 8) / 6));
    if (core.length < 8) continue;
    cores.push(core);
  }
  return cores;
}

/**
 * One character of a standard base64 text: `+` and `/` also as the URL-safe alphabet has them
 * (`-`, `_`), and as they may have been escaped since.
 */
function base64Char(char: string): string {
  if (char === "+") return `(?:[+-]|${percent}2b|${ampersand}(?:#0{0,8}43|#x0{0,8}2b|plus);)`;
  if (char === "/") {
    return `(?:_|(?:${backslashes})?\\/|${percent}2f|${ampersand}(?:#0{0,8}47|#x0{0,8}2f|sol);)`;
  }
  return char;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
