import { operationNames, type OperationName } from "../../src/operation-names.js";
import { operationTraits } from "./render-operation-table.js";
import { isRecord, resolvePointer, type OpenApiDocument } from "./spec-document.js";

type Schema = Record<string, any>;

export interface PathParameter {
  name: string;
  /** How the facade checks and types it: conversation ids are int64, most other ids UUIDs. */
  kind: "int64" | "uuid" | "integer" | "string";
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface PlannedBody {
  /** The parameter's name (`note`, `changes`...): it names the fields in errors. */
  name: string;
  required: boolean;
  schema: Schema;
  mediaType: string;
  /** No field is required: the parameter may be left out and `{}` is sent. */
  emptyByDefault: boolean;
}

/** Everything the generator needs to write one operation's function and method. */
export interface PlannedOperation {
  operationId: string;
  /** Lower case, as in `paths`. */
  method: string;
  path: string;
  tag: string | undefined;
  resource: string;
  name: string;
  /** `notesCreate`: the exported function. */
  functionName: string;
  /** `DixaEndpoints["notes.create"]`: the operation's types, as generated code names them. */
  typeName: string;
  /** Not named in src/operation-names.ts yet: a default name, to review. */
  defaultName: boolean;
  hand: boolean;
  check: boolean;
  paged: boolean;
  bulkOutcomes: boolean;
  /**
   * What the call resolves with. `bulk`: one outcome per input item, paired back to the items
   * (the body is the list of items, or holds it in `data`).
   */
  result: "data" | "body" | "void" | "pages" | "bulk";
  /** For `data`: what the success answer's `data` holds, as the spec describes it (checked at run time). */
  dataShape: "object" | "list" | undefined;
  /** For `bulk`: whether the items go as the body itself or in its `data`. */
  bulkShape: "list" | "data" | undefined;
  pathParameters: PathParameter[];
  query: QueryParameter[];
  body: PlannedBody | undefined;
  maxPageLimit: number | undefined;
  docUrl: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
}

export interface FacadePlan {
  operations: PlannedOperation[];
  /** Resource names in the order the client lists them. */
  resources: string[];
  /** Names in the table whose operation is not in the spec (any more). */
  staleNames: string[];
}

const methodOrder = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Reads the spec and the naming table into one plan: which function and method each operation
 * becomes, what it checks, what it returns. Operations the table does not name get a default
 * name (the resource of their tag, the method named after the operationId), so a refreshed spec
 * never breaks the build and a new operation is usable at once.
 */
export function planFacade(
  doc: OpenApiDocument,
  names: Record<string, OperationName> = operationNames,
): FacadePlan {
  const traits = operationTraits(doc);
  const resourceOfTag = tagResources(doc, names);
  const operations: PlannedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of methodOrder) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const id =
        typeof operation["operationId"] === "string" ? operation["operationId"] : undefined;
      if (id === undefined) continue;
      const trait = traits[id]!;
      const named = names[id];
      const tag = trait.tag;
      const [resource, name] = named
        ? (named.call.split(".") as [string, string])
        : [resourceOfTag.get(tag ?? "") ?? camel(tag ?? "other"), camel(id)];
      const parameters = parametersOf(doc, item, operation);
      const body = bodyOf(doc, operation, named?.body);
      const paged = trait.paged;
      const bulkShape = trait.bulkOutcomes ? bulkShapeOf(doc, body?.schema) : undefined;
      operations.push({
        operationId: id,
        method,
        path,
        tag,
        resource,
        name,
        functionName: resource + pascal(name),
        typeName: `DixaEndpoints[${JSON.stringify(`${resource}.${name}`)}]`,
        defaultName: named === undefined,
        hand: named?.hand === true,
        check: named?.check === true,
        paged,
        bulkOutcomes: trait.bulkOutcomes,
        result: paged ? "pages" : bulkShape !== undefined ? "bulk" : resultOf(doc, operation),
        dataShape: dataShapeOf(doc, operation),
        bulkShape,
        pathParameters: parameters
          .filter((p) => p["in"] === "path")
          .map((p) => ({ name: String(p["name"]), kind: pathKind(deref(doc, p["schema"])) })),
        query: parameters
          .filter((p) => p["in"] === "query" && p["name"] !== "pageKey")
          .map((p) => ({
            name: String(p["name"]),
            required: p["required"] === true,
            schema: deref(doc, p["schema"]) ?? {},
          })),
        body,
        maxPageLimit: pageLimitMaximum(doc, parameters),
        docUrl: `https://docs.dixa.io/openapi/dixa-api/beta/${named?.docPage ?? slug(tag ?? "")}/${id.toLowerCase()}`,
        summary: text(operation["summary"]),
        description: text(operation["description"]),
        deprecated: operation["deprecated"] === true,
      });
    }
  }
  const specIds = new Set(operations.map((o) => o.operationId));
  const resources = [...new Set(operations.map((o) => o.resource))];
  return { operations, resources, staleNames: Object.keys(names).filter((id) => !specIds.has(id)) };
}

/** The resource most of a tag's named operations belong to: where an unnamed one goes too. */
function tagResources(doc: OpenApiDocument, names: Record<string, OperationName>) {
  const counts = new Map<string, Map<string, number>>();
  for (const item of Object.values(doc.paths)) {
    for (const method of methodOrder) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const named = names[String(operation["operationId"])];
      const tag = Array.isArray(operation["tags"]) ? String(operation["tags"][0]) : "";
      if (named === undefined) continue;
      const resource = named.call.split(".")[0]!;
      const perTag = counts.get(tag) ?? new Map<string, number>();
      perTag.set(resource, (perTag.get(resource) ?? 0) + 1);
      counts.set(tag, perTag);
    }
  }
  const chosen = new Map<string, string>();
  for (const [tag, perTag] of counts) {
    chosen.set(tag, [...perTag].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  }
  return chosen;
}

function parametersOf(doc: OpenApiDocument, item: Schema, operation: Schema): Schema[] {
  const all = [...asArray(item["parameters"]), ...asArray(operation["parameters"])]
    .map((p) => deref(doc, p))
    .filter(isRecord);
  // An operation's own parameter overrides the path item's of the same name and place.
  const byKey = new Map(all.map((p) => [`${String(p["in"])}:${String(p["name"])}`, p]));
  return [...byKey.values()];
}

function bodyOf(
  doc: OpenApiDocument,
  operation: Schema,
  name: string | undefined,
): PlannedBody | undefined {
  const body = deref(doc, operation["requestBody"]);
  if (!isRecord(body)) return undefined;
  const content = deref(doc, body["content"]) ?? {};
  const mediaType = Object.keys(content).includes("application/json")
    ? "application/json"
    : (Object.keys(content)[0] ?? "application/json");
  const schema = deref(doc, deref(doc, content[mediaType])?.["schema"]) ?? {};
  const required = body["required"] === true;
  const requiredFields = asArray(schema["required"]);
  return {
    name: name ?? "body",
    required,
    schema,
    mediaType,
    emptyByDefault: schema["type"] === "object" && requiredFields.length === 0,
  };
}

function resultOf(doc: OpenApiDocument, operation: Schema): PlannedOperation["result"] {
  const responses = deref(doc, operation["responses"]) ?? {};
  const success = Object.keys(responses)
    .filter((status) => status.startsWith("2"))
    .sort()[0];
  if (success === undefined) return "void";
  const content = deref(doc, deref(doc, responses[success])?.["content"]);
  if (!isRecord(content) || Object.keys(content).length === 0) return "void";
  const properties = deref(doc, successSchema(doc, operation)?.["properties"]);
  if (isRecord(properties) && "data" in properties) {
    const others = Object.keys(properties).filter((key) => key !== "data" && key !== "meta");
    return others.length === 0 ? "data" : "body";
  }
  return "body";
}

/** The schema of the first success answer's JSON (else only) content, if it has one. */
function successSchema(doc: OpenApiDocument, operation: Schema): Schema | undefined {
  const responses = deref(doc, operation["responses"]) ?? {};
  const success = Object.keys(responses)
    .filter((status) => status.startsWith("2"))
    .sort()[0];
  const content = deref(doc, deref(doc, responses[success ?? ""])?.["content"]);
  if (!isRecord(content)) return undefined;
  const media = content["application/json"] ?? Object.values(content)[0];
  return deref(doc, deref(doc, media)?.["schema"]);
}

/** What the success answer's `data` is described as: a list, an object, or neither said. */
function dataShapeOf(doc: OpenApiDocument, operation: Schema): PlannedOperation["dataShape"] {
  const properties = deref(doc, successSchema(doc, operation)?.["properties"]);
  return shapeOf(doc, deref(doc, properties?.["data"]));
}

function shapeOf(doc: OpenApiDocument, schema: Schema | undefined): PlannedOperation["dataShape"] {
  if (schema === undefined) return undefined;
  if (schema["type"] === "array") return "list";
  if (schema["type"] === "object" || schema["properties"] !== undefined) return "object";
  // A composition is an object when every member is one (`oneOf` of conversation kinds).
  const members = ["oneOf", "anyOf", "allOf"].flatMap((key) => asArray(schema[key]));
  const shapes = members.map((member) => shapeOf(doc, deref(doc, member)));
  return shapes.length > 0 && shapes.every((shape) => shape === "object") ? "object" : undefined;
}

/** How a bulk body carries its items: as the list itself, or as a list in `data`. */
function bulkShapeOf(
  doc: OpenApiDocument,
  schema: Schema | undefined,
): "list" | "data" | undefined {
  if (schema === undefined) return undefined;
  if (schema["type"] === "array") return "list";
  const data = deref(doc, deref(doc, schema["properties"])?.["data"]);
  return data?.["type"] === "array" ? "data" : undefined;
}

/** The largest `pageLimit` the (corrected) description allows, where it says. */
function pageLimitMaximum(doc: OpenApiDocument, parameters: Schema[]): number | undefined {
  const pageLimit = parameters.find((p) => p["in"] === "query" && p["name"] === "pageLimit");
  const maximum = deref(doc, pageLimit?.["schema"])?.["maximum"];
  return typeof maximum === "number" && Number.isInteger(maximum) ? maximum : undefined;
}

function pathKind(schema: Schema | undefined): PathParameter["kind"] {
  if (schema?.["format"] === "int64") return "int64";
  if (schema?.["format"] === "uuid") return "uuid";
  if (schema?.["type"] === "integer") return "integer";
  return "string";
}

export function deref(doc: OpenApiDocument, value: unknown): Schema | undefined {
  let node = value;
  for (let hops = 0; isRecord(node) && typeof node["$ref"] === "string" && hops < 16; hops++) {
    node = resolvePointer(doc, node["$ref"]);
  }
  return isRecord(node) ? node : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** `Internal Notes` → `internal-notes`: the section of Dixa's reference a tag's pages are in. */
function slug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** `getContact-endpoints` → `getContactEndpoints`; `Business Hours` → `businessHours`. */
export function camel(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((word, i) => (i === 0 ? word[0]!.toLowerCase() : word[0]!.toUpperCase()) + word.slice(1))
    .join("");
}

export function pascal(value: string): string {
  const word = camel(value);
  return word[0]!.toUpperCase() + word.slice(1);
}
