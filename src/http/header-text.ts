/** Visible ASCII, space, tab and Latin-1 letters: what an HTTP field value may hold. */
const fieldValue = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The characters of a header name (RFC 9110 `token`). */
const fieldName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** False when the text holds a line break, NUL, another control character or one past U+00FF. */
export function headerSafe(value: string): boolean {
  return fieldValue.test(value);
}

export function headerNameSafe(name: string): boolean {
  return fieldName.test(name);
}

export const unsafeHeaderText =
  "holds a character an HTTP header cannot carry (a line break, NUL or other control character, or one beyond U+00FF)";

/** Per-call headers as given: a plain object, a `Headers`, a `Map` or a list of pairs. */
export type HeadersOption =
  | Readonly<Record<string, string>>
  | Headers
  | ReadonlyMap<string, string>
  | ReadonlyArray<readonly [string, string]>;
