/**
 * The only ways a string that came from the spec reaches generated source, one per context:
 * an identifier (checked, never escaped: a name that is not a safe identifier is refused by
 * whoever chose it), a string literal, and a doc comment. Generated code contains no template
 * literals, so there is no fourth context to get wrong.
 */

/** A JavaScript string literal holding `text` exactly (quotes, backslashes, line breaks escaped). */
export function stringLiteral(text: string): string {
  // JSON's escaping is JavaScript's for strings; U+2028/2029 are legal in both since ES2019,
  // and escaped anyway so no tool that predates that reads them as line ends.
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Any JSON data of the spec (examples) as a literal: JSON, with U+2028/2029 escaped. */
export function jsonLiteral(value: unknown): string {
  return (JSON.stringify(value) ?? "undefined")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A literal for a value of the spec's data (an enum member, a bound): JSON, strings escaped. */
export function dataLiteral(value: unknown): string {
  if (typeof value === "string") return stringLiteral(value);
  if (Array.isArray(value)) return `[${value.map(dataLiteral).join(", ")}]`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${String(value)}`);
    return String(value);
  }
  if (typeof value === "boolean" || value === null) return String(value);
  throw new TypeError(`not a literal value: ${typeof value}`);
}

const safeIdentifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An identifier for generated code. The caller has already applied the naming rules (see
 * spec-rules.ts); this is the last line of defence, so a bug there cannot become code.
 */
export function identifier(name: string): string {
  if (!safeIdentifier.test(name))
    throw new TypeError(`not a safe identifier: ${stringLiteral(name)}`);
  return name;
}

/**
 * The lines of a doc comment, each already prefixed with ` * `. Nothing in `lines` can end the
 * comment (`*\/` is broken up) or start a line of code: the comment's own line breaks are the
 * only ones, and every other line terminator JavaScript knows is replaced by a space.
 */
export function docComment(lines: readonly string[], indent = ""): string[] {
  const safe = lines.map((line) =>
    line.replace(/[\r\u2028\u2029\n]/g, " ").replace(/\*\//g, "*\\/"),
  );
  if (safe.length === 1 && indent.length + safe[0]!.length <= 92)
    return [`${indent}/** ${safe[0]} */`];
  return [
    `${indent}/**`,
    ...safe.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)),
    `${indent} */`,
  ];
}
