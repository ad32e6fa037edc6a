/**
 * Reading a header from whatever a framework hands over: a Fetch `Headers` object or a plain
 * record (Node's `IncomingMessage.headers`, Express, Lambda events). Names are case-insensitive;
 * repeated values are joined with "," as HTTP allows for list-valued headers.
 */

/** A Fetch `Headers` object, or a record of header names to values. */
export type DixaWebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export function readHeader(headers: DixaWebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === "string") values.push(value);
    else if (Array.isArray(value)) values.push(...(value as string[]));
  }
  return values.length === 0 ? undefined : values.join(",");
}

export function assertHeaders(
  headers: unknown,
  name = "headers",
): asserts headers is DixaWebhookHeaders {
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw new TypeError(
      `${name} must be a Headers object or a record of header names to values, got ${headers === null ? "null" : Array.isArray(headers) ? "an array" : typeof headers}`,
    );
  }
}
