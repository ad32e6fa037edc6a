import { isRecord, resolvePointer, type OpenApiDocument } from "./spec-document.js";

export type Schema = Record<string, any>;

/** An object schema's fields with `allOf` members folded in. */
export interface MergedObject {
  properties: ReadonlyMap<string, unknown>;
  required: ReadonlySet<string>;
  /** The first `type` found among the schema and its `allOf` members. */
  type: unknown;
}

const schemaPrefix = "#/components/schemas/";
const empty: MergedObject = { properties: new Map(), required: new Set(), type: undefined };

/** A value with its `$ref`s followed (each at most once: a reference loop gives undefined). */
export function deref(doc: OpenApiDocument, value: unknown): Schema | undefined {
  return new SchemaIndex(doc).deref(value);
}

/**
 * Reads schemas out of one document with every walk memoised per schema object, so the work is
 * bounded by the size of the document, not by the number of paths through it: an `allOf` that
 * lists the same schema K times at each of ten levels costs ten merges, not K to the tenth.
 */
export class SchemaIndex {
  private readonly mergedCache = new WeakMap<object, MergedObject>();
  private readonly merging = new WeakSet<object>();

  constructor(readonly doc: OpenApiDocument) {}

  /** The value behind a chain of `$ref`s (a cycle of references ends as undefined). */
  deref(value: unknown): Schema | undefined {
    let node = value;
    const seen = new Set<string>();
    while (isRecord(node) && typeof node["$ref"] === "string") {
      const ref = node["$ref"];
      if (seen.has(ref)) return undefined;
      seen.add(ref);
      node = resolvePointer(this.doc, ref);
    }
    return isRecord(node) ? node : undefined;
  }

  /** `X` for `{ $ref: "#/components/schemas/X" }`, else undefined. */
  refName(value: unknown): string | undefined {
    if (!isRecord(value) || typeof value["$ref"] !== "string") return undefined;
    const ref = value["$ref"];
    if (!ref.startsWith(schemaPrefix)) return undefined;
    const name = ref.slice(schemaPrefix.length);
    return name.includes("/") ? undefined : decodePointerToken(name);
  }

  /** The component schema of that name (its own `$ref`s followed). */
  schemaNamed(name: string): Schema | undefined {
    const components = this.doc["components"];
    const all = isRecord(components) ? components["schemas"] : undefined;
    return isRecord(all) && Object.hasOwn(all, name) ? this.deref(all[name]) : undefined;
  }

  /** Properties, required fields and type of a schema and its `allOf` members, once each. */
  merged(value: unknown): MergedObject {
    const schema = this.deref(value);
    if (schema === undefined) return empty;
    const cached = this.mergedCache.get(schema);
    if (cached !== undefined) return cached;
    // A schema that is its own allOf member (through references) adds nothing the second time.
    if (this.merging.has(schema)) return empty;
    this.merging.add(schema);
    const properties = new Map<string, unknown>();
    const required = new Set<string>();
    let type: unknown = schema["type"];
    for (const member of Array.isArray(schema["allOf"]) ? schema["allOf"] : []) {
      const inner = this.merged(member);
      for (const [name, property] of inner.properties) properties.set(name, property);
      for (const name of inner.required) required.add(name);
      type ??= inner.type;
    }
    const own = this.deref(schema["properties"]);
    if (own !== undefined)
      for (const [name, property] of Object.entries(own)) properties.set(name, property);
    for (const name of Array.isArray(schema["required"]) ? schema["required"] : []) {
      if (typeof name === "string") required.add(name);
    }
    const result = { properties, required, type };
    this.merging.delete(schema);
    this.mergedCache.set(schema, result);
    return result;
  }
}

function decodePointerToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // a malformed escape is kept as written
  }
  return decoded.replace(/~1/g, "/").replace(/~0/g, "~");
}
