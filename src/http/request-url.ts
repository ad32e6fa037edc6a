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
  return text;
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
  return `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
}

/** A path parameter as a path segment: checked, then percent-encoded. */
export function pathSegment(value: unknown, name: string): string {
  return encodeURIComponent(pathParameter(name, value));
}
