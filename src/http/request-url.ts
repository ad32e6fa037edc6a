import { describeValue } from "../validate.js";

/**
 * One path parameter as text, or a TypeError naming it. A parameter that is missing, empty, `.`
 * or `..` is refused before anything is sent: percent-encoding leaves dots alone and URL parsing
 * collapses dot segments (even encoded ones), so `..` would silently turn
 * `/articles/{id}/translations/{language}` into another endpoint.
 */
export function pathParameter(name: string, value: unknown): string {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "bigint") {
    throw new TypeError(
      `path parameter ${name} must be a string or a number, got ${describeValue(value)}`,
    );
  }
  const text = String(value);
  if (text === "" || text === "." || text === "..") {
    throw new TypeError(
      `path parameter ${name} must not be ${text === "" ? "empty" : `"${text}"`}: it would change which endpoint is called`,
    );
  }
  assertWellFormed(text, `path parameter ${name}`);
  return text;
}

/** Half of a surrogate pair without the other half: not Unicode text, so no URL can carry it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A TypeError (not encodeURIComponent's URIError) for text no URL can carry. */
function assertWellFormed(text: string, what: string): void {
  if (loneSurrogate.test(text)) {
    throw new TypeError(
      `${what} holds a lone surrogate (half of a UTF-16 pair), which is not text a URL can carry`,
    );
  }
}

/**
 * A dot segment (`.`, `..`, or one spelled with `%2e`, with `/` or `\` around it): URL parsing
 * resolves it, so `/beta/../admin` would reach `/admin`. Refused, with `what` naming the path.
 */
const dotSegment = /(?:^|[/\\])(?:\.|%2e){1,2}(?:[/\\?#]|$)/i;

export function assertNoDotSegments(path: string, what: string): void {
  const beforeQuery = path.split(/[?#]/, 1)[0]!;
  if (dotSegment.test(beforeQuery)) {
    throw new TypeError(
      `${what} must not hold a dot segment ("." or "..", also as %2e): URL parsing would resolve it and reach another endpoint`,
    );
  }
}

/**
 * The query string (with its `?`, or empty) for a query object: `undefined` and `null` left out,
 * arrays repeated (`a=1&a=2`), objects as `name[key]=value`, as openapi-fetch serialises them.
 */
export function queryString(query: Readonly<Record<string, unknown>> | undefined): string {
  let out = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) out += `&${pair(name, item)}`;
    } else if (typeof value === "object") {
      for (const key in value) out += `&${pair(`${name}[${key}]`, (value as never)[key])}`;
    } else {
      out += `&${pair(name, value)}`;
    }
  }
  return out === "" ? "" : `?${out.slice(1)}`;
}

function pair(name: string, value: unknown): string {
  const text = String(value);
  assertWellFormed(name, "a query parameter name");
  assertWellFormed(text, `query parameter ${name}`);
  return `${encodeURIComponent(name)}=${encodeURIComponent(text)}`;
}

/** A path parameter as a path segment: checked, then percent-encoded. */
export function pathSegment(value: unknown, name: string): string {
  return encodeURIComponent(pathParameter(name, value));
}
