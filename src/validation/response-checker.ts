/**
 * Checks one parsed answer against the table of `generated/response-schemas.ts`. The table is
 * linked once into plain objects (maps for properties, sets for allowed values, functions for
 * formats), then every answer is one walk of its value: no code is generated from the
 * description, and the walk's work is bounded (steps, depth, mismatches kept).
 */
import type { ResponseMismatch } from "./mismatch.js";
import { jsonTypeBits, type ResponseSchemaTable, type SchemaNode } from "./schema-table.js";

const limits = { steps: 250_000, depth: 200, mismatches: 100 } as const;

interface Linked {
  types: number;
  nullable: boolean;
  format: { name: string; test: (value: unknown) => boolean } | undefined;
  values: ReadonlySet<unknown> | undefined;
  props: Map<string, Linked> | undefined;
  required: readonly string[] | undefined;
  additional: Linked | true | undefined;
  items: Linked | undefined;
  union: Linked[] | undefined;
  tag: { name: string; members: Map<string, Linked> } | undefined;
  minItems: number;
  unique: boolean;
  index: number;
  /** The component's name, for a schema of `#/components/schemas`. */
  name: string | undefined;
  /** Built on first use: only mismatches need it. */
  expected?: string;
}

export interface CheckedAnswer {
  operationId: string | undefined;
  mismatches: Omit<ResponseMismatch, "operationId" | "status">[];
  /** Mismatches found beyond the ones kept. */
  more: number;
  /** Whether one of those was breaking. */
  moreBreaking: boolean;
}

/** A linked table: what `checkAnswer` works on. */
export interface ResponseChecker {
  check(method: string, pathTemplate: string, status: number, body: unknown): CheckedAnswer;
}

/**
 * Links a table in `ResponseSchemaTable`'s shape. It takes `unknown` because the generated table
 * is parsed JSON text with no type of its own (the data file imports nothing); its outline is
 * checked here, its nodes by the generator's own tests.
 */
export function createResponseChecker(data: unknown): ResponseChecker {
  const table = data as ResponseSchemaTable;
  if (!Array.isArray(table?.nodes) || typeof table.operations !== "object") {
    throw new TypeError("a response schema table has `nodes` (an array) and `operations`");
  }
  const nodes = table.nodes.map(link);
  table.nodes.forEach((raw, index) => resolveLinks(nodes[index]!, raw, nodes));
  const schemaOf = (node: Linked) => schemaPointer(table.nodes, node.index);
  return {
    check(method, pathTemplate, status, body) {
      const entry = table.operations[`${method.toUpperCase()} ${pathTemplate}`];
      const run = new Run(schemaOf);
      if (entry === undefined) {
        return { operationId: undefined, mismatches: [], more: 0, moreBreaking: false };
      }
      const [operationId, answers] = entry;
      let root = answers[String(status)];
      if (root === undefined) {
        const declared = Object.keys(answers);
        run.report("status", `status ${declared.join(" or ")}`, `status ${status}`, false, "");
        root = declared.map((s) => answers[s]!).find((index) => index >= 0) ?? -1;
      }
      if (root === -1) {
        if (body !== undefined) run.report("type", "no body", typeName(body), false, "");
      } else if (body === undefined) {
        run.report("type", expectedOf(nodes[root]!), "no body", true, schemaOf(nodes[root]!));
      } else {
        try {
          run.check(nodes[root]!, body, undefined);
        } catch (error) {
          // A checker fault must not decide the call; it is reported, not thrown.
          run.fail(error);
        }
      }
      const { mismatches, more, moreBreaking } = run;
      return { operationId, mismatches, more, moreBreaking };
    },
  };
}

/** One answer's walk. A dry run only counts breaking mismatches, to choose a union's member. */
class Run {
  readonly mismatches: CheckedAnswer["mismatches"] = [];
  more = 0;
  moreBreaking = false;
  private readonly path: Array<string | number> = [];
  private steps = 0;
  private depth = 0;
  private stopped = false;
  private dry = false;
  private count = 0;
  private cap = Infinity;

  constructor(private readonly schemaOf: (node: Linked) => string) {}

  check(node: Linked, value: unknown, tag: string | undefined): void {
    if (this.dry && this.count >= this.cap) return;
    if (++this.steps > limits.steps || this.depth >= limits.depth) {
      if (!this.stopped && !this.dry) {
        this.stopped = true;
        const why = this.steps > limits.steps ? `${limits.steps} checks` : `${limits.depth} levels`;
        this.report("incomplete", "a complete check", `a check stopped after ${why}`, false, "");
      }
      return;
    }
    this.depth++;
    this.checkValue(node, value, tag);
    this.depth--;
  }

  /** After a fault of the checker itself: reported as such, never as the answer's. */
  fail(error: unknown): void {
    this.dry = false;
    const what = error instanceof Error ? error.name : typeof error;
    this.report("incomplete", "a complete check", `a check that failed (${what})`, false, "");
  }

  private checkValue(node: Linked, value: unknown, tag: string | undefined): void {
    if (value === null) {
      if (node.nullable || node.types === 0 || node.types & jsonTypeBits.null) return;
      if (node.union === undefined) return this.mismatch("type", node, "null", true);
    }
    if (node.union !== undefined) return this.checkUnion(node, value);
    const bit = typeBit(value);
    if (node.types !== 0 && (node.types & bit) === 0) {
      const integerAsNumber = bit === jsonTypeBits.integer && node.types & jsonTypeBits.number;
      if (!integerAsNumber) return this.mismatch("type", node, typeName(value), true);
    }
    if (node.format !== undefined && !node.format.test(value)) {
      const received =
        bit === jsonTypeBits.string
          ? `string, not a ${node.format.name}`
          : `${typeName(value)} outside ${node.format.name}`;
      return this.mismatch("format", node, received, true);
    }
    if (node.values !== undefined && !node.values.has(value)) {
      return this.mismatch("enum", node, `a ${typeName(value)} not in the list`, false);
    }
    if (bit === jsonTypeBits.object) this.checkObject(node, value as Record<string, unknown>, tag);
    else if (bit === jsonTypeBits.array) this.checkArray(node, value as unknown[]);
  }

  private checkObject(node: Linked, value: Record<string, unknown>, tag: string | undefined) {
    const { props, required, additional } = node;
    if (required !== undefined) {
      for (const name of required) {
        if (Object.hasOwn(value, name)) continue;
        const expected = props?.get(name);
        this.path.push(name);
        this.report(
          "missing",
          expected ? expectedOf(expected) : "a value",
          "nothing",
          true,
          this.schemaOf(expected ?? node),
        );
        this.path.pop();
      }
    }
    for (const key in value) {
      const child = props?.get(key);
      if (child !== undefined) {
        this.path.push(key);
        this.check(child, value[key], undefined);
        this.path.pop();
      } else if (additional !== undefined) {
        if (additional === true) continue;
        this.path.push(pointerKey(key));
        this.check(additional, value[key], undefined);
        this.path.pop();
      } else if (props !== undefined && key !== tag) {
        this.path.push(pointerKey(key));
        this.report(
          "unknown-field",
          "no such field",
          typeName(value[key]),
          false,
          this.schemaOf(node),
        );
        this.path.pop();
      }
    }
  }

  private checkArray(node: Linked, value: unknown[]) {
    if (value.length < node.minItems) {
      const received = `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
      this.mismatch("min-items", node, received, true);
    }
    if (node.unique && value.length > 1 && value.every((v) => typeof v !== "object")) {
      if (new Set(value).size !== value.length) {
        this.mismatch("unique-items", node, "an array with repeated items", true);
      }
    }
    const items = node.items;
    if (items === undefined) return;
    for (let i = 0; i < value.length; i++) {
      this.path.push(i);
      this.check(items, value[i], undefined);
      this.path.pop();
    }
  }

  /**
   * A union: by its tag when it declares one and the answer carries it; otherwise the first
   * member the answer fits, else the member it fits best, whose mismatches are reported.
   */
  private checkUnion(node: Linked, value: unknown) {
    const members = node.union!;
    if (node.tag !== undefined && typeBit(value) === jsonTypeBits.object) {
      const name = node.tag.name;
      const tag = (value as Record<string, unknown>)[name];
      if (typeof tag === "string") {
        const member = node.tag.members.get(tag);
        if (member !== undefined) return this.check(member, value, name);
        this.path.push(name);
        const known = [...node.tag.members.keys()];
        this.report(
          "enum",
          oneOf(known),
          "a kind the description does not list",
          false,
          this.schemaOf(node),
        );
        this.path.pop();
        return;
      }
    }
    const bit = typeBit(value);
    if (!node.nullable || value !== null) {
      let accepted = 0;
      for (const member of members) {
        accepted |= member.types === 0 || member.union !== undefined ? -1 : member.types;
        if (member.nullable) accepted |= jsonTypeBits.null;
      }
      const integerAsNumber = bit === jsonTypeBits.integer && accepted & jsonTypeBits.number;
      if ((accepted & bit) === 0 && !integerAsNumber) {
        return this.mismatch("type", node, typeName(value), true);
      }
    }
    if (value === null && node.nullable) return;
    let best = members[0]!;
    let fewest = Infinity;
    for (const member of members) {
      const count = this.dryCount(member, value, fewest);
      if (count < fewest) {
        best = member;
        fewest = count;
      }
      if (count === 0) break;
    }
    this.check(best, value, undefined);
  }

  /** Breaking mismatches of `value` against `node`, counting no further than `cap`. */
  private dryCount(node: Linked, value: unknown, cap: number): number {
    const outer = { dry: this.dry, count: this.count, cap: this.cap };
    this.dry = true;
    this.count = 0;
    this.cap = cap;
    this.check(node, value, undefined);
    const count = this.count;
    this.dry = outer.dry;
    this.count = outer.count;
    this.cap = outer.cap;
    return count;
  }

  private mismatch(
    kind: ResponseMismatch["kind"],
    node: Linked,
    received: string,
    breaking: boolean,
  ) {
    this.report(kind, expectedOf(node), received, breaking, this.schemaOf(node));
  }

  report(
    kind: ResponseMismatch["kind"],
    expected: string,
    received: string,
    breaking: boolean,
    schema: string,
  ): void {
    if (this.dry) {
      if (breaking) this.count++;
      return;
    }
    if (this.mismatches.length >= limits.mismatches) {
      this.more++;
      this.moreBreaking ||= breaking;
      return;
    }
    const pointer = this.path.map((token) => `/${escapeToken(String(token))}`).join("");
    this.mismatches.push({ pointer, kind, expected, received, breaking, schema });
  }
}

function link(raw: SchemaNode, index: number): Linked {
  return {
    types: raw.t ?? 0,
    nullable: raw.n === 1,
    format: raw.f === undefined ? undefined : formatCheck(raw.f),
    values: raw.e === undefined ? undefined : new Set(raw.e),
    props: undefined,
    required: raw.r,
    additional: undefined,
    items: undefined,
    union: undefined,
    tag: undefined,
    minItems: raw.m ?? 0,
    unique: raw.u === 1,
    index,
    name:
      typeof raw.s === "string" && raw.s.startsWith("#/components/schemas/")
        ? raw.s.slice("#/components/schemas/".length)
        : undefined,
  };
}

function resolveLinks(node: Linked, raw: SchemaNode, nodes: Linked[]): void {
  const at = (index: number) => nodes[index]!;
  if (raw.p !== undefined) node.props = new Map(raw.p.map(([name, index]) => [name, at(index)]));
  if (raw.a !== undefined) node.additional = raw.a === true ? true : at(raw.a);
  if (raw.i !== undefined) node.items = at(raw.i);
  if (raw.o !== undefined) node.union = raw.o.map(at);
  if (raw.d !== undefined) {
    const [name, members] = raw.d;
    node.tag = { name, members: new Map(Object.entries(members).map(([tag, i]) => [tag, at(i)])) };
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 3339, with the offset optional and Dixa's Java zone suffix allowed (`...581Z[GMT]`).
const dateTimePattern =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?(\[[^\]]{1,64}\])?$/;

function formatCheck(name: string): Linked["format"] {
  switch (name) {
    case "uuid":
      return { name: "UUID", test: (v) => typeof v !== "string" || uuidPattern.test(v) };
    case "date-time":
      return { name: "date-time", test: (v) => typeof v !== "string" || dateTimePattern.test(v) };
    case "int32":
      return {
        name: "int32",
        test: (v) => typeof v !== "number" || (v >= -2147483648 && v <= 2147483647),
      };
    default:
      return undefined;
  }
}

function typeBit(value: unknown): number {
  switch (typeof value) {
    case "string":
      return jsonTypeBits.string;
    case "number":
      return Number.isInteger(value) ? jsonTypeBits.integer : jsonTypeBits.number;
    case "boolean":
      return jsonTypeBits.boolean;
    case "object":
      return value === null
        ? jsonTypeBits.null
        : Array.isArray(value)
          ? jsonTypeBits.array
          : jsonTypeBits.object;
    default:
      return 0;
  }
}

/** The kind of a value, never the value: `string`, `integer`, `array`... */
export function typeName(value: unknown): string {
  const bit = typeBit(value);
  for (const [name, b] of Object.entries(jsonTypeBits)) if (b === bit) return name;
  return typeof value;
}

function expectedOf(node: Linked): string {
  if (node.expected !== undefined) return node.expected;
  let text: string;
  if (node.values !== undefined) {
    text = oneOf([...node.values].map((v) => JSON.stringify(v)));
  } else if (node.union !== undefined) {
    text =
      node.tag !== undefined
        ? `one of the kinds ${[...node.tag.members.keys()].join(", ")}`
        : `one of ${node.union.length} shapes`;
  } else {
    const names = Object.entries(jsonTypeBits)
      .filter(
        ([name, bit]) =>
          node.types & bit && !(name === "integer" && node.types & jsonTypeBits.number),
      )
      .map(([name]) => name);
    text = names.length === 0 ? "any value" : names.join(" or ");
    if (node.format !== undefined) text += ` (${node.format.name})`;
    else if (names.length === 1 && node.name !== undefined) text += ` (${node.name})`;
  }
  if (node.nullable) text += " or null";
  node.expected = text;
  return text;
}

function oneOf(values: readonly string[]): string {
  const shown = values.slice(0, 8).join(", ");
  return values.length > 8 ? `one of ${shown}, ... (${values.length} in all)` : `one of ${shown}`;
}

/** A key of the answer in a pointer: a field name or UUID as is, anything else (data) as `*`. */
function pointerKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(key) || uuidPattern.test(key) ? key : "*";
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The JSON pointer of a node in the description, from its parent chain. */
function schemaPointer(nodes: readonly SchemaNode[], index: number): string {
  const steps: string[] = [];
  let source = nodes[index]!.s;
  for (let hops = 0; typeof source !== "string" && hops < 256; hops++) {
    steps.unshift(source[1]);
    source = nodes[source[0]]!.s;
  }
  return [source, ...steps].join("/");
}
