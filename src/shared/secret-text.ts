/**
 * One rule for the two secrets users paste in: the API token (sent in a header) and a webhook
 * subscription's `secretKey` (hex). Surrounding whitespace, such as the line break of a value read
 * from a file or an env file, is trimmed; anything else the value's carrier cannot carry is a
 * TypeError that describes the value by length only, never showing any part of it. Used by the
 * client's options and by dixa-beta/webhooks, so it imports nothing.
 */

/** What the secret travels as: an HTTP header value, or hex digits decoded to key bytes. */
export type SecretCarrier = "header" | "hex";

/** Visible ASCII, space, tab and Latin-1: what an HTTP field value may hold. */
const headerText = /^[\t\x20-\x7e\x80-\xff]*$/;
const hexText = /^(?:[0-9a-fA-F]{2})+$/;

/** The secret, trimmed; a TypeError naming `name` (never the value) when it cannot be carried. */
export function secretText(value: unknown, name: string, carrier: SecretCarrier): string {
  if (typeof value !== "string") {
    throw new TypeError(
      `${name} must be a string${carrier === "hex" ? " of hex digits" : ""}, got ${value === null ? "null" : typeof value}`,
    );
  }
  const trimmed = value.trim();
  const problem = carrier === "hex" ? hexProblem(trimmed) : headerProblem(trimmed);
  if (problem === undefined) return trimmed;
  throw new TypeError(
    `${name} ${problem}; got a string of ${value.length} characters (not shown; surrounding whitespace is trimmed)`,
  );
}

/**
 * The API token, where an option requires it (the client's, the Redis limiter's): missing or blank
 * is a TypeError saying so by type; otherwise {@link secretText} for a header.
 */
export function requiredApiKey(value: unknown, what: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    const got =
      value === undefined
        ? "nothing"
        : value === null
          ? "null"
          : typeof value === "string"
            ? "a blank string"
            : typeof value;
    throw new TypeError(
      `${what}: the \`apiKey\` option is required and must be the Dixa API token, a non-empty string (got ${got})`,
    );
  }
  return secretText(value, `${what}: \`apiKey\``, "header");
}

function headerProblem(text: string): string | undefined {
  if (text === "") return "is empty";
  if (!headerText.test(text)) {
    return "holds a character an HTTP header cannot carry (a line break, NUL or other control character, or one beyond U+00FF)";
  }
  return undefined;
}

function hexProblem(text: string): string | undefined {
  if (hexText.test(text)) return undefined;
  const why =
    text === ""
      ? "it is empty"
      : /\s/.test(text)
        ? "it contains whitespace between its characters"
        : text.length % 2 === 1
          ? "its length is odd"
          : "it contains a character that is not 0-9 or a-f";
  return `must be hex (an even number of 0-9/a-f characters), but ${why}`;
}
