import {
  jsonTypeBits,
  type JsonTypeName,
  type ResponseSchemaTable,
  type SchemaNode,
} from "../../src/validation/schema-table.js";
import { deref } from "./schemas.js";
import { operationTraits } from "./render-operation-table.js";
import { isRecord, resolvePointer, type OpenApiDocument } from "./spec-document.js";

export const responseSchemasFileName = "response-schemas.ts";

/** Formats the checker knows; any other is left unchecked (never guessed at). */
const knownFormats = new Set(["uuid", "date-time", "int32", "int64"]);

/**
 * Reduces the success answers of the (corrected) description to the table response validation
 * reads. Each schema object is compiled once (references by their target, inline schemas by
 * identity), so the work and the table grow with the size of the description, not with the
 * number of paths through it. Keywords the checker does not use (`pattern` among them: a
 * description's regular expression is never run) are left out.
 */
export function responseSchemaTable(doc: OpenApiDocument): ResponseSchemaTable {
  const nodes: SchemaNode[] = [];
  const byRef = new Map<string, number>();
  const byObject = new WeakMap<object, number>();

  const compile = (schema: unknown, source: SchemaNode["s"]): number => {
    if (isRecord(schema) && typeof schema["$ref"] === "string") return compileRef(schema["$ref"]);
    if (isRecord(schema)) {
      const known = byObject.get(schema);
      if (known !== undefined) return known;
    }
    const index = nodes.push({ s: source }) - 1;
    if (isRecord(schema)) {
      byObject.set(schema, index);
      fill(index, schema);
    }
    return index;
  };

  const compileRef = (ref: string): number => {
    const known = byRef.get(ref);
    if (known !== undefined) return known;
    const index = nodes.push({ s: ref }) - 1;
    byRef.set(ref, index);
    const target = resolvePointer(doc, ref);
    // A reference to a reference: a union of one member, so a loop of references ends at the
    // checker's depth limit instead of here.
    if (isRecord(target) && typeof target["$ref"] === "string") {
      nodes[index]!.o = [compileRef(target["$ref"])];
    } else if (isRecord(target)) {
      byObject.set(target, index);
      fill(index, target);
    }
    return index;
  };

  const fill = (index: number, schema: Record<string, unknown>) => {
    const node = nodes[index]!;
    const child = (step: string, value: unknown) => compile(value, [index, step]);
    const types = typeBits(schema["type"]);
    if (types !== 0) node.t = types;
    if (schema["nullable"] === true) node.n = 1;
    if (typeof schema["format"] === "string" && knownFormats.has(schema["format"])) {
      node.f = schema["format"];
    }
    if (Array.isArray(schema["enum"]) && schema["enum"].every(isPrimitive)) {
      node.e = schema["enum"] as NonNullable<SchemaNode["e"]>;
    }
    if (isRecord(schema["properties"])) {
      node.p = Object.entries(schema["properties"]).map(([name, value]) => [
        name,
        child(`properties/${pointerToken(name)}`, value),
      ]);
    }
    if (Array.isArray(schema["required"])) {
      node.r = schema["required"].filter((name): name is string => typeof name === "string");
    }
    const additional = schema["additionalProperties"];
    if (additional === true) node.a = true;
    else if (isRecord(additional)) node.a = child("additionalProperties", additional);
    if (schema["items"] !== undefined && !Array.isArray(schema["items"])) {
      node.i = child("items", schema["items"]);
    }
    const union = Array.isArray(schema["oneOf"])
      ? { key: "oneOf", members: schema["oneOf"] }
      : Array.isArray(schema["anyOf"])
        ? { key: "anyOf", members: schema["anyOf"] }
        : undefined;
    if (union !== undefined) {
      node.o = union.members.map((member, i) => child(`${union.key}/${i}`, member));
      const tag = discriminator(schema, union.members);
      if (tag !== undefined) node.d = tag;
    }
    if (Array.isArray(schema["allOf"])) mergeAllOf(index, schema["allOf"]);
    if (typeof schema["minItems"] === "number" && schema["minItems"] > 0) {
      node.m = schema["minItems"];
    }
    if (schema["uniqueItems"] === true) node.u = 1;
  };

  /** The union's tag property and, per tag value, the member it names. */
  const discriminator = (
    schema: Record<string, unknown>,
    members: unknown[],
  ): SchemaNode["d"] | undefined => {
    const declared = schema["discriminator"];
    if (!isRecord(declared) || typeof declared["propertyName"] !== "string") return undefined;
    const byTag: Record<string, number> = {};
    const mapping = isRecord(declared["mapping"]) ? declared["mapping"] : {};
    for (const [tag, target] of Object.entries(mapping)) {
      if (typeof target !== "string") continue;
      byTag[tag] = compileRef(target.includes("/") ? target : `#/components/schemas/${target}`);
    }
    // Without a mapping entry, a member is named by the last part of its reference.
    for (const member of members) {
      const ref = isRecord(member) && typeof member["$ref"] === "string" ? member["$ref"] : "";
      const name = ref.split("/").pop();
      if (name && !Object.values(byTag).includes(compileRef(ref))) byTag[name] = compileRef(ref);
    }
    return [declared["propertyName"], byTag];
  };

  /** `allOf` of object schemas: the members' properties and requirements, checked as one object. */
  const mergeAllOf = (index: number, members: unknown[]) => {
    for (const [i, member] of members.entries()) {
      const part = nodes[compile(member, [index, `allOf/${i}`])]!;
      const node = nodes[index]!;
      if (part.t !== undefined) node.t = node.t === undefined ? part.t : node.t & part.t;
      if (part.p)
        node.p = [...(node.p ?? []), ...part.p.filter(([n]) => !node.p?.some(([m]) => m === n))];
      if (part.r) node.r = [...new Set([...(node.r ?? []), ...part.r])];
      if (part.a !== undefined && node.a === undefined) node.a = part.a;
    }
  };

  const operations: ResponseSchemaTable["operations"] = {};
  for (const [id, { method, path }] of Object.entries(operationTraits(doc))) {
    const operation = doc.paths[path]![method] as Record<string, unknown>;
    const answers: Record<string, number> = {};
    for (const [status, response] of Object.entries(deref(doc, operation["responses"]) ?? {})) {
      if (!/^2\d\d$/.test(status)) continue;
      const content = deref(doc, deref(doc, response)?.["content"]);
      if (content === undefined || Object.keys(content).length === 0) {
        answers[status] = -1;
        continue;
      }
      const json = deref(doc, content["application/json"]);
      if (json === undefined || json["schema"] === undefined) continue;
      const at = `#/paths/${pointerToken(path)}/${method}/responses/${status}/content/application~1json/schema`;
      answers[status] = compile(json["schema"], at);
    }
    operations[`${method.toUpperCase()} ${path}`] = [id, answers];
  }
  return { nodes, operations };
}

/** The source of generated/response-schemas.ts: the table as JSON text, parsed at load. */
export function responseSchemasSource(doc: OpenApiDocument, specSha256: string): string {
  const json = JSON.stringify(responseSchemaTable(doc));
  return `/**
 * Generated by scripts/generate.ts from openapi/dixa-beta.yaml as corrected by
 * openapi/dixa-beta.overlay.yaml. Do not edit by hand.
 * The success answers of every operation, as data for \`validateResponses\`: loaded only when
 * validation is on. JSON text, so nothing from the description is ever code; its shape is
 * src/validation/schema-table.ts's (this file imports nothing, so it adds no edge to the graph).
 * Spec sha256: ${specSha256}
 */
export const responseSchemas: unknown = JSON.parse(${JSON.stringify(json)});
`;
}

function typeBits(type: unknown): number {
  const names = Array.isArray(type) ? type : [type];
  let bits = 0;
  for (const name of names) {
    if (typeof name === "string" && Object.hasOwn(jsonTypeBits, name)) {
      bits |= jsonTypeBits[name as JsonTypeName];
    }
  }
  return bits;
}

function isPrimitive(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function pointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
