/**
 * Names for every type in a public signature: the naming table's where it names one (the names
 * the package has always exported), else the spec's schema name, else a name derived from the
 * call (`NotesCreateInput`). Each name has one definition; two parts may share a name only when
 * they are the same schema.
 */
import type { OperationName } from "../operation-names.js";
import { pascal } from "./default-names.js";
import type { PlannedOperation } from "./facade-plan.js";
import type { SchemaIndex } from "./schemas.js";
import { exportNameProblem, SpecRefusedError } from "./spec-rules.js";

/** A part of an operation a type can name: its schema as declared (a `$ref` keeps its name). */
export interface TypedPart {
  declared: unknown;
  /** The answer's data is a list: the part is one item of it. */
  list?: boolean;
}

export interface TypedParts {
  input?: TypedPart | undefined;
  item?: TypedPart | undefined;
  query?: TypedPart | undefined;
  output?: TypedPart | undefined;
  result?: TypedPart | undefined;
  failure?: TypedPart | undefined;
}

export type PartName = keyof TypedParts;
const partNames: readonly PartName[] = ["input", "item", "query", "output", "result", "failure"];

/** How a named type is defined. */
export type TypeDefinition =
  /** The spec's schema of that name. */
  | { kind: "schema"; schema: string }
  /** A part of an operation, read off the generated `paths`. */
  | { kind: "part"; part: PartName; operation: PlannedOperation }
  /** Per-item successes and failures of a bulk call. */
  | { kind: "bulk-result"; item: string; operation: PlannedOperation }
  /** What a bulk call's failure carries: Dixa's error for the item, or the request's. */
  | { kind: "bulk-failure"; operation: PlannedOperation };

export interface NamedType {
  name: string;
  definition: TypeDefinition;
  /** One line saying where the type comes from. */
  doc: string;
  /**
   * A plain object type (fields, no union, no map, never null): defined as `Named<...>` so that
   * editors show its name where they would print a schema read out of `components` in full.
   */
  object: boolean;
}

export interface TypePlan {
  named: NamedType[];
}

const suffixes: Record<PartName, string> = {
  input: "Input",
  item: "Item",
  query: "Query",
  output: "Result",
  result: "Result",
  failure: "Failure",
};

export function planTypes(
  schemas: SchemaIndex,
  operations: readonly PlannedOperation[],
  table: ReadonlyMap<string, OperationName>,
  schemaNames: Readonly<Record<string, string>>,
  notes: string[],
): TypePlan {
  const named = new Map<string, NamedType>();
  const nameOfSchema = new Map<string, string>();
  const claim = (name: string, definition: TypeDefinition, doc: string, where: string): boolean => {
    const problem = exportNameProblem(name);
    if (problem !== undefined) {
      throw new SpecRefusedError(`${where}: the type name ${name} ${problem}`);
    }
    const existing = named.get(name);
    if (existing === undefined) {
      named.set(name, { name, definition, doc, object: isPlainObject(schemas, definition) });
      return true;
    }
    return sameDefinition(existing.definition, definition);
  };
  const schemaOf = (part: TypedPart | undefined, partName: PartName) => {
    const ref = schemas.refName(part?.declared);
    if (ref === undefined || partName === "result" || partName === "failure") return undefined;
    // A nullable schema is not what the part's own type is (that one drops null).
    return schemas.deref(part?.declared)?.["nullable"] === true ? undefined : ref;
  };
  const definitionOf = (op: PlannedOperation, part: PartName): TypeDefinition => {
    const schema = schemaOf(op.parts[part], part);
    if (schema !== undefined) return { kind: "schema", schema };
    if (part === "result") return { kind: "bulk-result", item: op.types.item ?? "", operation: op };
    if (part === "failure") return { kind: "bulk-failure", operation: op };
    return { kind: "part", part, operation: op };
  };

  // The naming table's names first: they are the names the package has always exported.
  for (const op of operations) {
    const names = table.get(op.operationId);
    for (const part of partNames) {
      const name = names?.[part];
      if (name === undefined) continue;
      const where = `operation ${op.operationId}`;
      if (op.parts[part] === undefined) {
        // The spec dropped that part: the name goes (code using it stops compiling).
        notes.push(`${where}: the naming table names its ${part} ${name}, which it no longer has`);
        continue;
      }
      if (!claim(name, definitionOf(op, part), docOf(op, part), where)) {
        throw new SpecRefusedError(
          `${where}: the naming table gives the name ${name} to two different types`,
        );
      }
      op.types[part] = name;
      const schema = schemaOf(op.parts[part], part);
      if (schema !== undefined && !nameOfSchema.has(schema)) nameOfSchema.set(schema, name);
    }
  }
  for (const [schema, name] of Object.entries(schemaNames)) {
    if (schemas.schemaNamed(schema) === undefined) continue;
    if (
      claim(name, { kind: "schema", schema }, `The spec's \`${schema}\` schema.`, "schemaNames")
    ) {
      nameOfSchema.set(schema, name);
    }
  }
  // Then every part a generated signature shows: the schema's name, else one derived from the call.
  for (const op of operations) {
    for (const part of neededParts(op)) {
      if (op.types[part] !== undefined) continue;
      const definition = definitionOf(op, part);
      const doc = docOf(op, part);
      const schema = definition.kind === "schema" ? definition.schema : undefined;
      const candidates = [
        schema === undefined ? undefined : nameOfSchema.get(schema),
        schema !== undefined && exportNameProblem(schema) === undefined ? schema : undefined,
        pascal(op.resource) + pascal(op.name) + (op.parts[part]?.list ? "Item" : suffixes[part]),
      ].filter((name): name is string => name !== undefined);
      const chosen = candidates.find(
        (name) => exportNameProblem(name) === undefined && claim(name, definition, doc, ""),
      );
      if (chosen === undefined) {
        throw new SpecRefusedError(
          `operation ${op.operationId}: no free name for its ${part} type (tried ${candidates.join(", ")}); name it in scripts/operation-names.ts`,
        );
      }
      op.types[part] = chosen;
      if (schema !== undefined && !nameOfSchema.has(schema)) nameOfSchema.set(schema, chosen);
    }
  }
  // A bulk result names its item type, known only now.
  for (const type of named.values()) {
    if (type.definition.kind === "bulk-result") {
      type.definition.item = type.definition.operation.types.item ?? "never";
    }
  }
  return { named: [...named.values()] };
}

/** Whether a type is a plain object: fields of its own, no union or map, never null. */
function isPlainObject(schemas: SchemaIndex, definition: TypeDefinition): boolean {
  let schema: unknown;
  if (definition.kind === "schema") schema = schemas.schemaNamed(definition.schema);
  else if (definition.kind === "part") {
    const part = definition.operation.parts[definition.part];
    // A query is an object of parameters; the others are what their schema says.
    if (definition.part === "query") return !definition.operation.paged;
    schema = part?.declared;
  } else return false;
  const resolved = schemas.deref(schema);
  if (resolved === undefined || resolved["nullable"] === true) return false;
  if (resolved["oneOf"] !== undefined || resolved["anyOf"] !== undefined) return false;
  if (
    resolved["additionalProperties"] !== undefined &&
    resolved["additionalProperties"] !== false
  ) {
    return false;
  }
  const merged = schemas.merged(resolved);
  return merged.properties.size > 0 && (merged.type === undefined || merged.type === "object");
}

/** The parts a generated operation's signature names (a hand-written one names its own). */
function neededParts(op: PlannedOperation): PartName[] {
  if (op.hand) return [];
  const needed: PartName[] = [];
  if (op.result === "bulk") needed.push("item", "result");
  else if (op.parts.input !== undefined) needed.push("input");
  if (op.parts.query !== undefined) needed.push("query");
  if (op.parts.output !== undefined) needed.push("output");
  return needed;
}

function sameDefinition(a: TypeDefinition, b: TypeDefinition): boolean {
  if (a.kind === "schema" && b.kind === "schema") return a.schema === b.schema;
  if (a.kind === "bulk-failure" && b.kind === "bulk-failure") {
    return (
      failureSchema(a.operation) !== undefined &&
      failureSchema(a.operation) === failureSchema(b.operation)
    );
  }
  return false;
}

function failureSchema(op: PlannedOperation): string | undefined {
  const declared = op.parts.failure?.declared as { $ref?: unknown } | undefined;
  return typeof declared?.$ref === "string" ? declared.$ref : undefined;
}

function docOf(op: PlannedOperation, part: PartName): string {
  const call = `\`${op.resource}.${op.name}\``;
  switch (part) {
    case "input":
      return `What ${call} sends.`;
    case "item":
      return `One item of what ${call} sends.`;
    case "query":
      return op.paged
        ? `The query of ${call}, less the paginator's \`pageKey\`.`
        : `The query of ${call}.`;
    case "output":
      return op.parts.output?.list ? `One item of what ${call} answers.` : `What ${call} answers.`;
    case "result":
      return `What ${call} resolves to: a success or a failure per input, by \`index\`.`;
    case "failure":
      return `A failure of one item of ${call}: Dixa's own, or the error of its whole request.`;
  }
}
