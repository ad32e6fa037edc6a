/**
 * The argument checks the spec implies, as a model the renderer writes out: one named check per
 * schema (reused wherever the schema appears) built from the runtime's check combinators, and
 * for each operation the checks of its body, items and query. Only checks some operation (or a
 * hand-written one that asked for it) calls are planned.
 *
 * What is checked: required fields present, types, UUID and date-time formats, enums and integer
 * ranges, into nested objects and lists. Unions (`oneOf`/`anyOf`) are checked for presence only:
 * telling their members apart is Dixa's `_type` business, written by hand where it matters. A
 * required string must not be blank: a required field sent empty is nearly always a mistake.
 */
import { pascal } from "./default-names.js";
import type { PlannedOperation } from "./facade-plan.js";
import type { Schema, SchemaIndex } from "./schemas.js";

export type BasicCheck =
  | "uuid"
  | "dateTime"
  | "nonEmptyString"
  | "anyString"
  | "integer"
  | "finiteNumber"
  | "booleanValue"
  | "present"
  | "anyArray"
  | "anyObject";

export type Literal = string | number | boolean | null;

export type CheckNode =
  | { kind: "named"; name: string }
  | { kind: "basic"; check: BasicCheck }
  | { kind: "oneOf"; values: Literal[] }
  | { kind: "between"; min: number | undefined; max: number | undefined }
  | { kind: "arrayOf"; item: CheckNode }
  | { kind: "shape"; required: Array<[string, CheckNode]>; optional: Array<[string, CheckNode]> }
  | { kind: "nullable"; inner: CheckNode };

export interface NamedCheck {
  name: string;
  /** The schema it checks. */
  schema: string;
  node: CheckNode;
}

/** The checks one operation runs, in this order, before anything is sent. */
export interface OperationChecks {
  query?: CheckNode | undefined;
  body?: CheckNode | undefined;
  items?: CheckNode | undefined;
  /** For a hand-written operation: the named check generated for its code to call. */
  hand?: string | undefined;
}

export interface CheckPlan {
  /** By name (each is made on first use, so one may refer to any other, or to itself). */
  named: NamedCheck[];
  byOperation: Map<string, OperationChecks>;
}

export function planChecks(
  schemas: SchemaIndex,
  operations: readonly PlannedOperation[],
): CheckPlan {
  const builder = new CheckBuilder(schemas);
  const byOperation = new Map<string, OperationChecks>();
  for (const op of operations) {
    const checks: OperationChecks = {};
    const body = op.body?.json ? op.body : undefined;
    const item = op.parts.item?.declared;
    if (op.hand) {
      if (op.handChecks === "body" && body !== undefined) {
        checks.hand = builder.namedFor(
          body.declared,
          `${pascal(op.resource)}${pascal(op.name)}Body`,
        );
      } else if (op.handChecks === "item" && item !== undefined) {
        checks.hand = builder.namedFor(item, `${pascal(op.resource)}${pascal(op.name)}Item`);
      }
    } else {
      checks.query = builder.query(op);
      if (op.result === "bulk") checks.items = builder.node(item, true);
      else if (body !== undefined) checks.body = builder.node(body.declared, true);
    }
    byOperation.set(op.operationId, checks);
  }
  return { named: builder.ordered(), byOperation };
}

class CheckBuilder {
  private readonly byRef = new Map<string, NamedCheck>();
  private readonly names = new Set<string>();

  constructor(private readonly schemas: SchemaIndex) {}

  /** The check of one value; undefined when there is nothing to check. */
  node(declared: unknown, required: boolean): CheckNode | undefined {
    const schema = this.schemas.deref(declared);
    if (schema === undefined) return required ? basic("present") : undefined;
    const ref = this.schemas.refName(declared);
    if (ref !== undefined && this.isShape(schema)) return { kind: "named", name: this.named(ref) };
    return this.inline(schema, required);
  }

  /** A named check for a hand-written operation's body or item (its schema's, or a new one). */
  namedFor(declared: unknown, fallback: string): string | undefined {
    const ref = this.schemas.refName(declared);
    const schema = this.schemas.deref(declared);
    if (schema === undefined) return undefined;
    if (ref !== undefined) return this.named(ref);
    const node = this.inline(schema, true);
    if (node === undefined) return undefined;
    const name = this.freeName(`check${fallback}`);
    this.byRef.set(`#inline:${name}`, { name, schema: fallback, node });
    return name;
  }

  /** The query's fields (a paged list's `pageLimit` is checked by the paginator). */
  query(op: PlannedOperation): CheckNode | undefined {
    const fields = op.query.filter((q) => !(op.paged && q.name === "pageLimit"));
    if (fields.length === 0) return undefined;
    const required: Array<[string, CheckNode]> = [];
    const optional: Array<[string, CheckNode]> = [];
    for (const q of fields) {
      const check = this.node(q.schema, q.required);
      if (check !== undefined) (q.required ? required : optional).push([q.name, check]);
    }
    return { kind: "shape", required, optional };
  }

  /** Every named check, by name. */
  ordered(): NamedCheck[] {
    return [...this.byRef.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private named(ref: string): string {
    const existing = this.byRef.get(ref);
    if (existing !== undefined) return existing.name;
    const name = this.freeName(`check${pascal(ref)}`);
    const check: NamedCheck = { name, schema: ref, node: basic("anyObject") };
    // Registered before it is built: a schema that refers back to itself meets its own name.
    this.byRef.set(ref, check);
    const schema = this.schemas.schemaNamed(ref);
    if (schema !== undefined) check.node = this.inline(schema, true) ?? basic("anyObject");
    return name;
  }

  private freeName(wanted: string): string {
    const base = wanted === "check" ? "checkSchema" : wanted;
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}${n}`;
    this.names.add(name);
    return name;
  }

  /** An object with fields to check (a union's members are told apart by hand, not here). */
  private isShape(schema: Schema): boolean {
    if (schema["oneOf"] !== undefined || schema["anyOf"] !== undefined) return false;
    const merged = this.schemas.merged(schema);
    return merged.properties.size > 0 && (merged.type === undefined || merged.type === "object");
  }

  private inline(schema: Schema, required: boolean): CheckNode | undefined {
    if (schema["oneOf"] !== undefined || schema["anyOf"] !== undefined) {
      return required ? basic("present") : undefined;
    }
    const check = this.typed(schema, required);
    if (check === undefined) return undefined;
    // A field the spec allows to be null: null passes, anything else is checked.
    return schema["nullable"] === true ? { kind: "nullable", inner: check } : check;
  }

  private typed(schema: Schema, required: boolean): CheckNode | undefined {
    const merged = this.schemas.merged(schema);
    const type = merged.type;
    if (Array.isArray(schema["enum"]) && (type === "string" || type === undefined)) {
      return { kind: "oneOf", values: schema["enum"].filter(isLiteral) };
    }
    switch (type) {
      case "string":
        if (schema["format"] === "uuid") return basic("uuid");
        if (schema["format"] === "date-time") return basic("dateTime");
        return basic(required ? "nonEmptyString" : "anyString");
      case "integer": {
        const min = finite(schema["minimum"]);
        const max = finite(schema["maximum"]);
        if (min !== undefined || max !== undefined) return { kind: "between", min, max };
        return basic("integer");
      }
      case "number":
        return basic("finiteNumber");
      case "boolean":
        return basic("booleanValue");
      case "array": {
        const item = this.node(schema["items"], true);
        if (item === undefined || (item.kind === "basic" && item.check === "present")) {
          return basic("anyArray");
        }
        return { kind: "arrayOf", item };
      }
      case "object":
      case undefined: {
        const fields = [...merged.properties].filter(
          ([, field]) => this.schemas.deref(field)?.["readOnly"] !== true,
        );
        if (fields.length === 0) {
          if (type === "object") return basic("anyObject");
          return required ? basic("present") : undefined;
        }
        const requiredFields: Array<[string, CheckNode]> = [];
        const optionalFields: Array<[string, CheckNode]> = [];
        for (const [name, field] of fields) {
          const isRequired = merged.required.has(name);
          const check = this.node(field, isRequired);
          if (check !== undefined)
            (isRequired ? requiredFields : optionalFields).push([name, check]);
        }
        return { kind: "shape", required: requiredFields, optional: optionalFields };
      }
      default:
        return required ? basic("present") : undefined;
    }
  }
}

function basic(check: BasicCheck): CheckNode {
  return { kind: "basic", check };
}

function isLiteral(value: unknown): value is Literal {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    value === null ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
