import type { OpenApiDocument } from "./spec-document.js";
import { deref } from "./facade-plan.js";

type Schema = Record<string, any>;

/** How deep into nested objects and lists the generated checks look. */
const maxDepth = 3;

/**
 * The argument checks the spec implies for one value, as lines of code: required fields
 * present, types, UUID and date-time formats, enums and integer ranges, into nested objects and
 * lists. Unions (`oneOf`/`anyOf`) are checked for presence only: telling their members apart is
 * Dixa's `_type` business, written by hand where it matters. A required string must not be
 * blank: a required field sent empty is nearly always a mistake.
 *
 * `label` is a JavaScript expression for the value's name in messages (`"note.message"`, or
 * `` `${label}.message` `` inside a nested check).
 */
export function valueChecks(
  doc: OpenApiDocument,
  schema: Schema | undefined,
  value: string,
  label: string,
  required: boolean,
  depth = 0,
): string[] {
  const check = checker(doc, schema, required, depth);
  if (check === undefined) return [];
  if (required) return [`${call(check, value, label)};`];
  return [`ifPresent(${value}, ${label}, ${check});`];
}

/** The checks of an object's fields, given the object is already known to be one. */
export function fieldChecks(
  doc: OpenApiDocument,
  schema: Schema,
  value: string,
  label: string,
  depth: number,
): string[] {
  const { properties, required } = merged(doc, schema);
  const lines: string[] = [];
  for (const [field, fieldSchema] of Object.entries(properties)) {
    const resolved = deref(doc, fieldSchema);
    if (resolved?.["readOnly"] === true) continue;
    lines.push(
      ...valueChecks(
        doc,
        resolved,
        `${value}[${JSON.stringify(field)}]`,
        childLabel(label, field),
        required.has(field),
        depth + 1,
      ),
    );
  }
  return lines;
}

/**
 * A function expression `(value, label) => void` checking one value, or the name of a check
 * from src/validate.ts; undefined when there is nothing to check.
 */
function checker(
  doc: OpenApiDocument,
  raw: Schema | undefined,
  required: boolean,
  depth: number,
): string | undefined {
  const schema = raw === undefined ? undefined : { ...raw, ...merged(doc, raw).flat };
  if (schema === undefined) return required ? "assertPresent" : undefined;
  if (schema["oneOf"] !== undefined || schema["anyOf"] !== undefined) {
    return required ? "assertPresent" : undefined;
  }
  const check = typedChecker(doc, schema, required, depth);
  if (check === undefined) return undefined;
  // A field the spec allows to be null: null passes, anything else is checked.
  if (schema["nullable"] === true) {
    return `(value, label) => {\n if (value !== null) ${call(check, "value", "label")};\n}`;
  }
  return check;
}

function typedChecker(
  doc: OpenApiDocument,
  schema: Schema,
  required: boolean,
  depth: number,
): string | undefined {
  const type = schema["type"];
  if (Array.isArray(schema["enum"]) && (type === "string" || type === undefined)) {
    return `(value, label) => assertEnum(value, label, ${JSON.stringify(schema["enum"])})`;
  }
  switch (type) {
    case "string":
      if (schema["format"] === "uuid") return "assertUuid";
      if (schema["format"] === "date-time") return "assertTimestamp";
      return required ? "assertNonEmptyString" : "assertString";
    case "integer": {
      const min = schema["minimum"];
      const max = schema["maximum"];
      if (typeof min === "number" || typeof max === "number") {
        return `(value, label) => assertIntegerInRange(value, label, ${num(min, "-Infinity")}, ${num(max, "Infinity")})`;
      }
      return "assertInteger";
    }
    case "number":
      return "assertNumber";
    case "boolean":
      return "assertBoolean";
    case "array": {
      const items = deref(doc, schema["items"]);
      const itemCheck = depth < maxDepth ? checker(doc, items, true, depth + 1) : undefined;
      if (itemCheck === undefined || itemCheck === "assertPresent") return "assertArray";
      return `(value, label) => {\n assertArray(value, label);\n assertEach(value, label, ${itemCheck});\n}`;
    }
    case "object":
    case undefined: {
      const { properties } = merged(doc, schema);
      if (Object.keys(properties).length === 0) {
        if (type === "object") return "assertObject";
        return required ? "assertPresent" : undefined;
      }
      if (depth >= maxDepth) return "assertObject";
      const lines = fieldChecks(doc, schema, "value", "label", depth);
      return `(value, label) => {\n assertObject(value, label);\n${lines.join("\n")}\n}`;
    }
    default:
      return required ? "assertPresent" : undefined;
  }
}

/** Properties and required fields, with `allOf` members folded in. */
function merged(doc: OpenApiDocument, schema: Schema) {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const flat: Schema = {};
  const visit = (node: Schema | undefined, hops: number) => {
    if (node === undefined || hops > 8) return;
    for (const member of Array.isArray(node["allOf"]) ? node["allOf"] : []) {
      const resolved = deref(doc, member);
      visit(resolved, hops + 1);
      if (resolved?.["type"] !== undefined) flat["type"] ??= resolved["type"];
    }
    Object.assign(properties, deref(doc, node["properties"]) ?? {});
    for (const name of Array.isArray(node["required"]) ? node["required"] : []) {
      required.add(String(name));
    }
  };
  visit(schema, 0);
  return { properties, required, flat };
}

function call(check: string, value: string, label: string): string {
  return /^[A-Za-z]+$/.test(check)
    ? `${check}(${value}, ${label})`
    : `checkNested(${value}, ${label}, ${check})`;
}

function childLabel(label: string, field: string): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(field) ? `.${field}` : `[${JSON.stringify(field)}]`;
  if (label.startsWith('"')) return JSON.stringify(`${JSON.parse(label) as string}${name}`);
  return `\`\${${label}}${name.replace(/`/g, "\\`")}\``;
}

function num(value: unknown, fallback: string): string {
  return typeof value === "number" ? String(value) : fallback;
}
