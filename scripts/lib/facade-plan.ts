/**
 * The generator's model: everything generated/facade/ says, built from the spec and the naming
 * table before anything is rendered. Every rule spec-controlled text must follow is applied here
 * (spec-rules.ts), so a refusal comes before a single file is written, and the renderers only
 * read this model: no file-system reads, no reading back of generated text.
 */
import {
  operationNames as defaultOperationNames,
  schemaNames as defaultSchemaNames,
  type OperationName,
} from "../operation-names.js";
import { camel, defaultMethodName, pascal } from "./default-names.js";
import { planChecks, type CheckPlan } from "./plan-checks.js";
import { planTypes, type TypePlan, type TypedParts } from "./plan-types.js";
import { SchemaIndex, type Schema } from "./schemas.js";
import { isRecord, type OpenApiDocument } from "./spec-document.js";
import {
  checkPath,
  exportNameProblem,
  methodNameProblem,
  operationIdGrammar,
  parameterLabel,
  placeholders,
  reservedWords,
  resourceNameProblem,
  SpecRefusedError,
} from "./spec-rules.js";

export { camel, pascal };

export interface PathParameter {
  name: string;
  /** The name generated code gives the argument (the spec's, unless reserved or taken). */
  label: string;
  /** How the facade checks and types it: conversation ids are int64, most other ids UUIDs. */
  kind: "int64" | "uuid" | "integer" | "string";
  /** Allowed values, when the spec lists them. */
  values: readonly (string | number)[] | undefined;
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
  /** The body schema as written (a `$ref` keeps its schema's name). */
  declared: unknown;
  mediaType: string;
  json: boolean;
  /** No field is required: the parameter may be left out and `{}` is sent. */
  emptyByDefault: boolean;
}

/** Everything the generator needs to write one operation's row, function and method. */
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
  /** Not named in scripts/operation-names.ts yet: a default name, to review. */
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
  /** The section of Dixa's reference the page is in, and the page itself. */
  docPage: string;
  docUrl: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  /** For a hand-written operation: the spec's check to generate for it. */
  handChecks: "body" | "item" | undefined;
  /** Schemas of the parts that get a type name (undefined: the part does not exist). */
  parts: TypedParts;
  /** The names of the types in its signature, filled in by planTypes. */
  types: Partial<Record<keyof TypedParts, string>>;
}

export interface FacadePlan {
  operations: PlannedOperation[];
  /** Resource names in the order the client lists them. */
  resources: string[];
  /** Resources with a hand-written class in src/resources/ that extends the generated one. */
  handResources: string[];
  /** Names in the table whose operation is not in the spec (any more). */
  staleNames: string[];
  types: TypePlan;
  checks: CheckPlan;
  /** What the generator changed to make a name safe (printed by `generate` and `spec:update`). */
  notes: string[];
}

const methodOrder = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const docBase = "https://docs.dixa.io/openapi/dixa-api/beta";

/**
 * Reads the spec and the naming table into one plan: which function and method each operation
 * becomes, what it checks, what it returns and what its types are called. Operations the table
 * does not name get a default name (the resource of their tag, a method named from the HTTP
 * method and the path), so a refreshed spec never breaks the build and a new operation is usable
 * at once. Throws SpecRefusedError, naming the operation and the rule, for anything it will not
 * turn into code.
 */
export function planFacade(
  doc: OpenApiDocument,
  names: Readonly<Record<string, OperationName>> = defaultOperationNames,
  schemaNames: Readonly<Record<string, string>> = defaultSchemaNames,
): FacadePlan {
  const schemas = new SchemaIndex(doc);
  const table = new Map(Object.entries(names));
  const notes: string[] = [];
  const found = collectOperations(doc, schemas);
  const resourceOfTag = tagResources(found, table);
  const operations: PlannedOperation[] = [];
  const calls = new Map<string, string>();
  for (const { id, method, path, item, operation, where } of found) {
    const named = table.get(id);
    const tag = firstTag(operation);
    const [resource, name] = named
      ? namedCall(where, named.call)
      : defaultCall(where, method, path, tag, resourceOfTag, calls);
    const previous = calls.get(`${resource}.${name}`);
    if (previous !== undefined) {
      throw new SpecRefusedError(
        `${where}: the call ${resource}.${name} is already ${previous}'s (rule: one method per operation; name one of them in scripts/operation-names.ts)`,
      );
    }
    calls.set(`${resource}.${name}`, id);
    const parameters = parametersOf(schemas, item, operation);
    const declaredPath = parameters.filter((p) => p["in"] === "path").map((p) => String(p["name"]));
    checkPath(where, path, declaredPath);
    const body = bodyOf(schemas, operation, named?.body, where);
    const pathParameters = pathParametersOf(schemas, parameters, path, body?.name, notes, where);
    const paged = isPaged(schemas, parameters, operation);
    const bulkOutcomes = answersBulkOutcomes(schemas, operation);
    const bulkShape = bulkOutcomes ? bulkShapeOf(schemas, body?.schema) : undefined;
    const result = paged
      ? "pages"
      : bulkShape !== undefined
        ? "bulk"
        : resultOf(schemas, operation);
    const docPage = named?.docPage ?? slug(tag ?? "");
    if (!/^[a-z0-9-]*$/.test(docPage)) {
      throw new SpecRefusedError(
        `${where}: the naming table's docPage ${JSON.stringify(docPage)} is not a page name`,
      );
    }
    const query = parameters
      .filter((p) => p["in"] === "query" && p["name"] !== "pageKey")
      .map((p) => ({
        name: String(p["name"]),
        required: p["required"] === true,
        schema: schemas.deref(p["schema"]) ?? {},
      }));
    const planned: PlannedOperation = {
      operationId: id,
      method,
      path,
      tag,
      resource,
      name,
      functionName: resource + pascal(name),
      defaultName: named === undefined,
      hand: named?.hand === true,
      check: named?.check === true,
      paged,
      bulkOutcomes,
      result,
      dataShape: result === "data" ? dataShapeOf(schemas, operation) : undefined,
      bulkShape,
      pathParameters,
      query,
      body,
      maxPageLimit: pageLimitMaximum(schemas, parameters),
      docPage,
      docUrl: `${docBase}/${docPage}/${id.toLowerCase()}`,
      summary: text(operation["summary"]),
      description: text(operation["description"]),
      deprecated: operation["deprecated"] === true,
      handChecks: named?.hand === true ? named.checks : undefined,
      parts: partsOf(schemas, operation, body, result, bulkOutcomes, query.length > 0 || paged),
      types: {},
    };
    checkFunctionName(planned, operations, where);
    operations.push(planned);
  }
  const specIds = new Set(operations.map((o) => o.operationId));
  const resources = [...new Set(operations.map((o) => o.resource))];
  const handResources = resources.filter((r) => operations.some((o) => o.resource === r && o.hand));
  const types = planTypes(schemas, operations, table, schemaNames, notes);
  const checks = planChecks(schemas, operations);
  return {
    operations,
    resources,
    handResources,
    staleNames: [...table.keys()].filter((id) => !specIds.has(id)),
    types,
    checks,
    notes,
  };
}

interface FoundOperation {
  id: string;
  method: string;
  path: string;
  item: Schema;
  operation: Schema;
  /** `operation getAgents (GET /beta/agents)`: how refusals name it. */
  where: string;
}

function collectOperations(doc: OpenApiDocument, schemas: SchemaIndex): FoundOperation[] {
  const found: FoundOperation[] = [];
  const ids = new Map<string, string>();
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = schemas.deref(rawItem) ?? {};
    for (const method of methodOrder) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const route = `${method.toUpperCase()} ${JSON.stringify(path).slice(1, -1)}`;
      const id = operation["operationId"];
      if (typeof id !== "string" || !operationIdGrammar.test(id)) {
        throw new SpecRefusedError(
          `operation ${route}: ${typeof id === "string" ? `its operationId ${JSON.stringify(id)} is not one the client can use` : "it has no operationId"} (rule: every operation has an operationId of letters, digits and . _ ~ -, starting with a letter)`,
        );
      }
      const where = `operation ${id} (${route})`;
      if (ids.has(id)) {
        throw new SpecRefusedError(
          `${where}: the operationId is also ${ids.get(id)}'s (rule: operationIds are unique)`,
        );
      }
      ids.set(id, route);
      found.push({ id, method, path, item, operation, where });
    }
  }
  if (found.length === 0) {
    throw new SpecRefusedError("the spec declares no operation with a method the client knows");
  }
  return found;
}

function namedCall(where: string, call: string): [string, string] {
  const parts = call.split(".");
  const [resource, name] = parts as [string, string];
  const problem =
    parts.length !== 2
      ? `is not "resource.method"`
      : (resourceNameProblem(resource) ?? methodNameProblem(name));
  if (problem !== undefined) {
    throw new SpecRefusedError(
      `${where}: the naming table's call ${JSON.stringify(call)} ${problem}`,
    );
  }
  return [resource, name];
}

/** A default call: the resource of the operation's tag, a method named from its path. */
function defaultCall(
  where: string,
  method: string,
  path: string,
  tag: string | undefined,
  resourceOfTag: ReadonlyMap<string, string>,
  calls: ReadonlyMap<string, string>,
): [string, string] {
  const resource = resourceOfTag.get(tag ?? "") ?? camel(tag ?? path.split("/")[2] ?? "");
  const resourceProblem = resourceNameProblem(resource);
  if (resourceProblem !== undefined) {
    const from = tag === undefined ? "its path" : `its tag ${JSON.stringify(tag)}`;
    throw new SpecRefusedError(
      `${where}: the resource name ${JSON.stringify(resource)} taken from ${from} ${resourceProblem}; name the operation in scripts/operation-names.ts`,
    );
  }
  let name = defaultMethodName(method, path, resource);
  if (methodNameProblem(name) !== undefined || calls.has(`${resource}.${name}`)) {
    // The path's name is taken (or unusable): fall back on the operationId's.
    name = camel(where.split(" ")[1]!);
  }
  const problem = methodNameProblem(name);
  if (problem !== undefined || calls.has(`${resource}.${name}`)) {
    throw new SpecRefusedError(
      `${where}: its default method name ${JSON.stringify(name)} ${problem ?? "is taken"}; name the operation in scripts/operation-names.ts`,
    );
  }
  return [resource, name];
}

function checkFunctionName(
  planned: PlannedOperation,
  before: readonly PlannedOperation[],
  where: string,
): void {
  const problem = exportNameProblem(planned.functionName);
  if (problem !== undefined) {
    throw new SpecRefusedError(
      `${where}: its function name ${planned.functionName} ${problem}; name the operation in scripts/operation-names.ts`,
    );
  }
  const other = before.find((o) => o.functionName === planned.functionName);
  if (other !== undefined) {
    throw new SpecRefusedError(
      `${where}: its function name ${planned.functionName} is also ${other.operationId}'s (${other.resource}.${other.name}); name one of them in scripts/operation-names.ts`,
    );
  }
}

/** The resource most of a tag's named operations belong to: where an unnamed one goes too. */
function tagResources(found: readonly FoundOperation[], table: ReadonlyMap<string, OperationName>) {
  const counts = new Map<string, Map<string, number>>();
  for (const { id, operation } of found) {
    const named = table.get(id);
    if (named === undefined) continue;
    const tag = firstTag(operation) ?? "";
    const resource = named.call.split(".")[0]!;
    const perTag = counts.get(tag) ?? new Map<string, number>();
    perTag.set(resource, (perTag.get(resource) ?? 0) + 1);
    counts.set(tag, perTag);
  }
  const chosen = new Map<string, string>();
  for (const [tag, perTag] of counts) {
    chosen.set(tag, [...perTag].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  }
  return chosen;
}

function firstTag(operation: Schema): string | undefined {
  const tags = Array.isArray(operation["tags"]) ? operation["tags"] : [];
  return typeof tags[0] === "string" ? tags[0] : undefined;
}

function parametersOf(schemas: SchemaIndex, item: Schema, operation: Schema): Schema[] {
  const all = [...asArray(item["parameters"]), ...asArray(operation["parameters"])]
    .map((p) => schemas.deref(p))
    .filter(isRecord);
  // An operation's own parameter overrides the path item's of the same name and place.
  const byKey = new Map(all.map((p) => [`${String(p["in"])}:${String(p["name"])}`, p]));
  return [...byKey.values()];
}

/** Path parameters in template order, each with the argument name generated code gives it. */
function pathParametersOf(
  schemas: SchemaIndex,
  parameters: readonly Schema[],
  path: string,
  bodyName: string | undefined,
  notes: string[],
  where: string,
): PathParameter[] {
  const taken = new Set([
    "options",
    "query",
    "core",
    ...(bodyName === undefined ? [] : [bodyName]),
  ]);
  return placeholders(path).map((name) => {
    const declared = parameters.find((p) => p["in"] === "path" && p["name"] === name)!;
    const schema = schemas.deref(declared["schema"]);
    const label = parameterLabel(name, taken);
    if (label !== name) notes.push(`${where}: path parameter ${name} is called ${label} in code`);
    taken.add(label);
    const values = Array.isArray(schema?.["enum"])
      ? schema["enum"].filter((v: unknown) => typeof v === "string" || typeof v === "number")
      : undefined;
    return { name, label, kind: pathKind(schema), values };
  });
}

/** The largest `pageLimit` the (corrected) description allows, where it says. */
function pageLimitMaximum(schemas: SchemaIndex, parameters: readonly Schema[]): number | undefined {
  const pageLimit = parameters.find((p) => p["in"] === "query" && p["name"] === "pageLimit");
  const maximum = schemas.deref(pageLimit?.["schema"])?.["maximum"];
  return typeof maximum === "number" && Number.isInteger(maximum) ? maximum : undefined;
}

function pathKind(schema: Schema | undefined): PathParameter["kind"] {
  if (schema?.["format"] === "int64") return "int64";
  if (schema?.["format"] === "uuid") return "uuid";
  if (schema?.["type"] === "integer") return "integer";
  return "string";
}

function bodyOf(
  schemas: SchemaIndex,
  operation: Schema,
  name: string | undefined,
  where: string,
): PlannedBody | undefined {
  const body = schemas.deref(operation["requestBody"]);
  if (body === undefined) return undefined;
  if (name !== undefined && (!/^[a-z][A-Za-z0-9]*$/.test(name) || reservedWords.has(name))) {
    throw new SpecRefusedError(
      `${where}: the naming table's body name ${JSON.stringify(name)} is not a name an argument can have`,
    );
  }
  const content = schemas.deref(body["content"]) ?? {};
  const mediaTypes = Object.keys(content);
  const mediaType = mediaTypes.includes("application/json")
    ? "application/json"
    : (mediaTypes[0] ?? "application/json");
  const declared = schemas.deref(content[mediaType])?.["schema"];
  const schema = schemas.deref(declared) ?? {};
  const required = body["required"] === true;
  const json = /json/i.test(mediaType);
  const merged = schemas.merged(schema);
  return {
    name: name ?? "body",
    required,
    schema,
    declared,
    mediaType,
    json,
    emptyByDefault: json && merged.type === "object" && merged.required.size === 0,
  };
}

function successSchemas(schemas: SchemaIndex, operation: Schema): Array<Schema | undefined> {
  const responses = schemas.deref(operation["responses"]);
  if (responses === undefined) return [];
  return Object.keys(responses)
    .filter((status) => status.startsWith("2"))
    .sort()
    .map((status) => {
      const content = schemas.deref(schemas.deref(responses[status])?.["content"]);
      return schemas.deref(content?.["application/json"] ?? Object.values(content ?? {})[0]);
    })
    .map((media) => media?.["schema"]);
}

/** Takes `pageKey` and answers with `meta` (where `meta.next` names the next page). */
function isPaged(schemas: SchemaIndex, parameters: readonly Schema[], operation: Schema): boolean {
  const takesPageKey = parameters.some((p) => p["in"] === "query" && p["name"] === "pageKey");
  return (
    takesPageKey &&
    successSchemas(schemas, operation).some((s) => schemas.merged(s).properties.has("meta"))
  );
}

/** Answers `data: BulkActionOutcome[]`, one success-or-failure per input item. */
function answersBulkOutcomes(schemas: SchemaIndex, operation: Schema): boolean {
  return successSchemas(schemas, operation).some((schema) => {
    const data = schemas.deref(schemas.merged(schema).properties.get("data"));
    if (data?.["type"] !== "array") return false;
    const items = schemas.deref(data["items"]);
    const members = asArray(items?.["oneOf"]).map((m) => schemas.merged(m).required);
    return members.some((r) => r.has("data")) && members.some((r) => r.has("error"));
  });
}

function resultOf(schemas: SchemaIndex, operation: Schema): PlannedOperation["result"] {
  const [first] = successSchemas(schemas, operation);
  const responses = schemas.deref(operation["responses"]) ?? {};
  const hasSuccess = Object.keys(responses).some((status) => status.startsWith("2"));
  if (!hasSuccess || first === undefined) return "void";
  const properties = schemas.merged(first).properties;
  if (properties.has("data")) {
    const others = [...properties.keys()].filter((key) => key !== "data" && key !== "meta");
    return others.length === 0 ? "data" : "body";
  }
  return "body";
}

/** What the first success answer's `data` is described as: a list, an object, or neither said. */
function dataShapeOf(schemas: SchemaIndex, operation: Schema): PlannedOperation["dataShape"] {
  const [first] = successSchemas(schemas, operation);
  if (first === undefined) return undefined;
  return shapeOf(schemas, schemas.merged(first).properties.get("data"), new Map());
}

/**
 * A list, an object (a composition is one when every member is: `oneOf` of conversation kinds),
 * or not said. Each schema is worked out once (`memo`), and one met again inside itself counts
 * as not said, so a hostile spec's cycles and fan-outs cost one visit per schema.
 */
function shapeOf(
  schemas: SchemaIndex,
  declared: unknown,
  memo: Map<Schema, PlannedOperation["dataShape"]>,
): PlannedOperation["dataShape"] {
  const schema = schemas.deref(declared);
  if (schema === undefined) return undefined;
  if (memo.has(schema)) return memo.get(schema);
  memo.set(schema, undefined);
  let shape: PlannedOperation["dataShape"];
  if (schema["type"] === "array") shape = "list";
  else if (schema["type"] === "object" || schema["properties"] !== undefined) shape = "object";
  else {
    const members = ["oneOf", "anyOf", "allOf"].flatMap((key) => asArray(schema[key]));
    const shapes = members.map((member) => shapeOf(schemas, member, memo));
    shape = shapes.length > 0 && shapes.every((s) => s === "object") ? "object" : undefined;
  }
  memo.set(schema, shape);
  return shape;
}

/** How a bulk body carries its items: as the list itself, or as a list in `data`. */
function bulkShapeOf(
  schemas: SchemaIndex,
  schema: Schema | undefined,
): "list" | "data" | undefined {
  if (schema === undefined) return undefined;
  if (schema["type"] === "array") return "list";
  const data = schemas.deref(schemas.merged(schema).properties.get("data"));
  return data?.["type"] === "array" ? "data" : undefined;
}

/** The declared schemas of the parts of an operation a type name can stand for. */
function partsOf(
  schemas: SchemaIndex,
  operation: Schema,
  body: PlannedBody | undefined,
  result: PlannedOperation["result"],
  bulkOutcomes: boolean,
  hasQuery: boolean,
): TypedParts {
  const [answer] = successSchemas(schemas, operation);
  const data = schemas.merged(answer).properties.get("data");
  const dataSchema = schemas.deref(data);
  const listBody =
    body === undefined
      ? undefined
      : body.schema["type"] === "array"
        ? body.schema
        : schemas.deref(schemas.merged(body.schema).properties.get("data"));
  const outcome = dataSchema?.["type"] === "array" ? dataSchema["items"] : undefined;
  return {
    input: body?.json ? { declared: body.declared } : undefined,
    item: listBody?.["type"] === "array" ? { declared: listBody["items"] } : undefined,
    query: hasQuery ? { declared: undefined } : undefined,
    output:
      result === "void" || result === "bulk" || answer === undefined
        ? undefined
        : result === "body"
          ? { declared: answer }
          : dataSchema?.["type"] === "array"
            ? { declared: dataSchema["items"], list: true }
            : { declared: data },
    result: result === "bulk" ? { declared: outcome } : undefined,
    failure: bulkOutcomes ? { declared: outcome } : undefined,
  };
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
