import { apiDiff, type Diff } from "api-smart-diff";
import { httpMethods, isRecord, resolvePointer, type OpenApiDocument } from "./spec-document.js";

/**
 * What changed between two descriptions, from the point of view of code typed against them.
 * api-smart-diff does the structural work (resolving $refs, matching parameters and renamed
 * path templates); this module sorts its raw diffs into the categories our change report names
 * and decides what breaks a typed client. Its own breaking flags are not used because they
 * answer a different question (a response field retyped is "non-breaking" to it, a required
 * parameter added to an operation that had none is "non-breaking" to it; both break our build).
 */
export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-made-required"
  | "parameter-made-optional"
  | "parameter-retyped"
  | "request-body-added"
  | "request-body-made-required"
  | "request-field-made-required"
  | "request-field-removed"
  | "request-field-added"
  | "response-removed"
  | "response-field-removed"
  | "response-field-retyped"
  | "response-field-added"
  | "other";

export interface SpecChange {
  kind: ChangeKind;
  breaking: boolean;
  /** `GET /beta/agents` */
  operation: string;
  operationId: string | undefined;
  /** What changed, in one sentence without the operation. */
  detail: string;
}

export interface SpecChangeSummary {
  operationsBefore: number;
  operationsAfter: number;
  added: SpecChange[];
  removed: SpecChange[];
  /** Per operation present on both sides, every change found in it (breaking or not). */
  changed: Map<string, SpecChange[]>;
  breaking: SpecChange[];
}

type Method = (typeof httpMethods)[number];
type Operation = Record<string, unknown>;

export function compareSpecs(
  before: OpenApiDocument | undefined,
  after: OpenApiDocument,
): SpecChangeSummary {
  const previous = before ?? { openapi: after.openapi, info: after.info, paths: {} };
  const changes = apiDiff(previous, after).flatMap((diff) => classify(diff, previous, after));
  const summary: SpecChangeSummary = {
    operationsBefore: countOperations(previous),
    operationsAfter: countOperations(after),
    added: [],
    removed: [],
    changed: new Map(),
    breaking: [],
  };
  for (const change of dedupe(changes)) {
    if (change.kind === "operation-added") summary.added.push(change);
    else if (change.kind === "operation-removed") summary.removed.push(change);
    else
      summary.changed.set(change.operation, [
        ...(summary.changed.get(change.operation) ?? []),
        change,
      ]);
    if (change.breaking) summary.breaking.push(change);
  }
  return summary;
}

function classify(
  diff: Diff,
  before: OpenApiDocument,
  after: OpenApiDocument,
  fromPathItem = false,
): SpecChange[] {
  const [root, path, method, area, ...rest] = diff.path.map(String);
  if (root !== "paths" || path === undefined) return [];
  if (method === undefined) {
    // A whole path item appeared or went away: one change per operation in it.
    return operationsOf(diff.action === "add" ? diff.after : diff.before).map(([m, op]) =>
      operationChange(diff.action === "add" ? "operation-added" : "operation-removed", m, path, op),
    );
  }
  if (method === "parameters") {
    // Parameters declared on the path item apply to each of its operations.
    return operationsOf(after.paths[path] ?? before.paths[path]).flatMap(([m]) =>
      classify({ ...diff, path: [root, path, m, ...diff.path.slice(2)] }, before, after, true),
    );
  }
  if (!isMethod(method)) return [];
  const operationBefore = operationAt(before, path, method);
  const operationAfter = operationAt(after, path, method) ?? operationBefore;
  if (area === undefined) {
    if (diff.action === "add")
      return [operationChange("operation-added", method, path, diff.after)];
    if (diff.action === "remove")
      return [operationChange("operation-removed", method, path, diff.before)];
    return [];
  }
  const make = (kind: ChangeKind, breaking: boolean, detail: string): SpecChange => ({
    kind,
    breaking,
    operation: `${method.toUpperCase()} ${path}`,
    operationId: operationIdOf(operationAfter),
    detail,
  });
  if (area === "parameters") {
    const side = diff.action === "remove" ? before : after;
    const owner = fromPathItem ? side.paths[path] : operationAt(side, path, method);
    return classifyParameters(diff, rest, make, (index) =>
      resolveRef(side, asArray(owner?.["parameters"])[index]),
    );
  }
  if (area === "requestBody") return classifyRequestBody(diff, rest, make);
  if (area === "responses") return classifyResponses(diff, rest, make);
  return [make("other", false, describeOther(diff, [area, ...rest]))];
}

type Make = (kind: ChangeKind, breaking: boolean, detail: string) => SpecChange;

function classifyParameters(
  diff: Diff,
  rest: string[],
  make: Make,
  parameterAt: (index: number) => Record<string, unknown>,
): SpecChange[] {
  if (rest.length === 0) {
    // The whole list appeared, went away or was replaced: compare it parameter by parameter.
    return compareParameterLists(asArray(diff.before), asArray(diff.after), make);
  }
  const [, field] = rest;
  if (field === undefined) {
    const parameter = (diff.action === "remove" ? diff.before : diff.after) as Record<
      string,
      unknown
    >;
    if (diff.action === "add") return [parameterAdded(parameter, make)];
    if (diff.action === "remove")
      return [make("parameter-removed", true, `${label(parameter)} removed`)];
    return compareParameterLists([diff.before], [diff.after], make);
  }
  const name = label(parameterAt(Number(rest[0])));
  if (field === "required") {
    return diff.after === true
      ? [make("parameter-made-required", true, `${name} is now required`)]
      : [make("parameter-made-optional", false, `${name} is now optional`)];
  }
  if (field === "schema" && isTypeChange(rest.slice(2))) {
    return [
      make(
        "parameter-retyped",
        true,
        `${name} changed type (${formatValue(diff.before)} → ${formatValue(diff.after)})`,
      ),
    ];
  }
  return [make("other", false, describeOther(diff, ["parameters", ...rest]))];
}

function compareParameterLists(before: unknown[], after: unknown[], make: Make): SpecChange[] {
  const key = (p: unknown) => (isRecord(p) ? `${String(p["in"])}:${String(p["name"])}` : "");
  const beforeByKey = new Map(before.filter(isRecord).map((p) => [key(p), p]));
  const afterByKey = new Map(after.filter(isRecord).map((p) => [key(p), p]));
  const changes: SpecChange[] = [];
  for (const [k, p] of afterByKey) {
    const old = beforeByKey.get(k);
    if (old === undefined) changes.push(parameterAdded(p, make));
    else if (p["required"] === true && old["required"] !== true) {
      changes.push(make("parameter-made-required", true, `${label(p)} is now required`));
    } else if (p["required"] !== true && old["required"] === true) {
      changes.push(make("parameter-made-optional", false, `${label(p)} is now optional`));
    }
  }
  for (const [k, p] of beforeByKey) {
    if (!afterByKey.has(k)) changes.push(make("parameter-removed", true, `${label(p)} removed`));
  }
  return changes;
}

function parameterAdded(parameter: Record<string, unknown>, make: Make): SpecChange {
  const required = parameter["required"] === true;
  return make(
    "parameter-added",
    required,
    `${required ? "required" : "optional"} ${label(parameter)} added`,
  );
}

function classifyRequestBody(diff: Diff, rest: string[], make: Make): SpecChange[] {
  if (rest.length === 0) {
    if (diff.action === "add") {
      const required = isRecord(diff.after) && diff.after["required"] === true;
      return [
        make(
          "request-body-added",
          required,
          `${required ? "required" : "optional"} request body added`,
        ),
      ];
    }
    if (diff.action === "remove") return [make("other", true, "request body removed")];
  }
  if (rest.length === 1 && rest[0] === "required") {
    return diff.after === true
      ? [make("request-body-made-required", true, "request body is now required")]
      : [make("other", false, "request body is now optional")];
  }
  const schemaPath = schemaTokens(rest);
  if (schemaPath === undefined)
    return [make("other", false, describeOther(diff, ["requestBody", ...rest]))];
  const { parent, last, indexed } = splitRequired(schemaPath);
  if (last === "required" && diff.action !== "remove") {
    const fields = indexed ? [diff.after] : newlyRequired(diff.before, diff.after);
    return fields.map((field) =>
      make(
        "request-field-made-required",
        true,
        `request field \`${join(parent, String(field))}\` is now required`,
      ),
    );
  }
  if (diff.action === "remove" && isPropertyPath(schemaPath)) {
    return removedFields(schemaPath, diff.before).map((field) =>
      make("request-field-removed", true, `request field \`${field}\` removed`),
    );
  }
  if (diff.action === "add" && isPropertyPath(schemaPath)) {
    // A required one is reported by the `required` list's own change.
    return removedFields(schemaPath, diff.after).map((field) =>
      make("request-field-added", false, `request field \`${field}\` added`),
    );
  }
  return [make("other", false, describeOther(diff, ["requestBody", ...rest]))];
}

function classifyResponses(diff: Diff, rest: string[], make: Make): SpecChange[] {
  const [status, ...inner] = rest;
  if (status === undefined) return [make("other", false, describeOther(diff, ["responses"]))];
  const success = /^2/.test(status);
  if (inner.length === 0 && diff.action === "remove") {
    return [make("response-removed", success, `response ${status} removed`)];
  }
  const schemaPath = schemaTokens(inner);
  if (schemaPath === undefined) {
    return [make("other", false, describeOther(diff, ["responses", ...rest]))];
  }
  if (diff.action === "remove" && isPropertyPath(schemaPath)) {
    return removedFields(schemaPath, diff.before).map((field) =>
      make("response-field-removed", success, `response ${status} field \`${field}\` removed`),
    );
  }
  if (diff.action === "add" && isPropertyPath(schemaPath)) {
    return removedFields(schemaPath, diff.after).map((field) =>
      make("response-field-added", false, `response ${status} field \`${field}\` added`),
    );
  }
  if (diff.action === "replace" && isTypeChange(schemaPath)) {
    const field = fieldPath(schemaPath.slice(0, -1)) || "(body)";
    return [
      make(
        "response-field-retyped",
        success,
        `response ${status} field \`${field}\` changed ${schemaPath.at(-1)} (${formatValue(diff.before)} → ${formatValue(diff.after)})`,
      ),
    ];
  }
  return [make("other", false, describeOther(diff, ["responses", ...rest]))];
}

/** The tokens inside `content/<media type>/schema`, or undefined when the diff is elsewhere. */
function schemaTokens(tokens: string[]): string[] | undefined {
  const at = tokens.indexOf("schema");
  if (tokens[0] !== "content" || at !== 2) return undefined;
  return tokens.slice(3);
}

function isTypeChange(schemaPath: string[]): boolean {
  const last = schemaPath.at(-1);
  return last === "type" || last === "format" || last === "$ref";
}

function isPropertyPath(schemaPath: string[]): boolean {
  return schemaPath.at(-1) === "properties" || schemaPath.at(-2) === "properties";
}

function removedFields(schemaPath: string[], before: unknown): string[] {
  if (schemaPath.at(-1) === "properties") {
    const parent = fieldPath(schemaPath.slice(0, -1));
    return isRecord(before) ? Object.keys(before).map((name) => join(parent, name)) : [];
  }
  return [fieldPath(schemaPath)];
}

function splitRequired(schemaPath: string[]) {
  const indexed = /^\d+$/.test(schemaPath.at(-1) ?? "");
  const tokens = indexed ? schemaPath.slice(0, -1) : schemaPath;
  return { parent: fieldPath(tokens.slice(0, -1)), last: tokens.at(-1), indexed };
}

function newlyRequired(before: unknown, after: unknown): unknown[] {
  const old = new Set(asArray(before));
  return asArray(after).filter((name) => !old.has(name));
}

/** `properties/data/items/properties/name` → `data[].name`; composition keywords are skipped. */
function fieldPath(tokens: string[]): string {
  let path = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "properties" && tokens[i + 1] !== undefined) path = join(path, tokens[++i]!);
    else if (token === "items") path += "[]";
    else if (token === "additionalProperties") path += "{}";
  }
  return path;
}

function join(parent: string, name: string): string {
  return parent === "" ? name : `${parent}.${name}`;
}

/**
 * A change the categories above do not name (documentation, examples, formats...), said with
 * its subject: what changed and where, e.g. "`description` changed in response 200".
 */
function describeOther(diff: Diff, tokens: string[]): string {
  const verb = { add: "added", remove: "removed", replace: "changed", rename: "renamed" }[
    diff.action as string
  ];
  const what = tokens.at(-1) ?? "operation";
  const where = locationOf(tokens);
  return `\`${what}\` ${verb ?? diff.action}${where === "" ? "" : ` in ${where}`}`;
}

/** Where in an operation a token path points, in words: `response 200 field \`data.id\``. */
function locationOf(tokens: string[]): string {
  const [area, ...rest] = tokens;
  const inSchema = (inner: string[]) => {
    const schemaPath = schemaTokens(inner);
    const field = schemaPath === undefined ? "" : fieldPath(schemaPath.slice(0, -1));
    return field === "" ? "" : ` field \`${field}\``;
  };
  if (area === "responses" && rest[0] !== undefined) {
    return rest.length <= 1 ? "" : `response ${rest[0]}${inSchema(rest.slice(1))}`;
  }
  if (area === "requestBody") return rest.length <= 1 ? "" : `request body${inSchema(rest)}`;
  if (area === "parameters") return "a parameter";
  return rest.length === 0 ? "" : tokens.slice(0, -1).join("/");
}

function label(parameter: Record<string, unknown>): string {
  return `${String(parameter["in"])} parameter \`${String(parameter["name"])}\``;
}

function formatValue(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "none");
}

function operationChange(
  kind: ChangeKind,
  method: string,
  path: string,
  operation: unknown,
): SpecChange {
  const added = kind === "operation-added";
  return {
    kind,
    breaking: !added,
    operation: `${method.toUpperCase()} ${path}`,
    operationId: operationIdOf(operation),
    detail: added ? "operation added" : "operation removed",
  };
}

function operationsOf(pathItem: unknown): Array<[Method, Operation]> {
  if (!isRecord(pathItem)) return [];
  return httpMethods.flatMap((m) => (isRecord(pathItem[m]) ? [[m, pathItem[m] as Operation]] : []));
}

function operationAt(doc: OpenApiDocument, path: string, method: Method): Operation | undefined {
  const item = doc.paths[path];
  return isRecord(item) && isRecord(item[method]) ? (item[method] as Operation) : undefined;
}

function resolveRef(doc: OpenApiDocument, value: unknown): Record<string, unknown> {
  const ref = isRecord(value) ? value["$ref"] : undefined;
  const target = typeof ref === "string" ? resolvePointer(doc, ref) : value;
  return isRecord(target) ? target : {};
}

function operationIdOf(operation: unknown): string | undefined {
  return isRecord(operation) && typeof operation["operationId"] === "string"
    ? operation["operationId"]
    : undefined;
}

function countOperations(doc: OpenApiDocument): number {
  return Object.values(doc.paths).reduce((sum, item) => sum + operationsOf(item).length, 0);
}

function isMethod(value: string): value is Method {
  return (httpMethods as readonly string[]).includes(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The same change can reach us through several diffs (a shared schema used twice in a body). */
function dedupe(changes: SpecChange[]): SpecChange[] {
  const seen = new Set<string>();
  return changes.filter((change) => {
    const key = `${change.operation}|${change.kind}|${change.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
