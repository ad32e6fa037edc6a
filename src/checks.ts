/**
 * The pieces generated checks are built from: one named check per schema of the spec is a
 * `shape` of these, made the first time it runs and reused wherever the schema appears.
 * Fields are read only as the object's own properties, which is all JSON.stringify sends: an
 * inherited `constructor` or `toString` is never mistaken for a field, and a field named
 * `__proto__` is checked like any other.
 */
import {
  assertArray,
  assertConversationId,
  assertBoolean,
  assertEnum,
  assertInteger,
  assertIntegerInRange,
  assertNonEmptyString,
  assertNumber,
  assertObject,
  assertPresent,
  assertString,
  assertTimestamp,
  assertUuid,
} from "./validate.js";

/** Throws a TypeError naming `label` when `value` is not what it must be. */
export type Check = (value: unknown, label: string) => void;

/** A whole number from 1, as Dixa's int64 ids (a conversation id). */
export const positiveId: Check = assertConversationId;
export const uuid: Check = assertUuid;
export const dateTime: Check = assertTimestamp;
export const nonEmptyString: Check = assertNonEmptyString;
export const anyString: Check = assertString;
export const integer: Check = assertInteger;
export const finiteNumber: Check = assertNumber;
export const booleanValue: Check = assertBoolean;
export const present: Check = assertPresent;
export const anyArray: Check = assertArray;
export const anyObject: Check = assertObject;

/** One of the values the spec lists. */
export function oneOf(values: readonly unknown[]): Check {
  return (value, label) => assertEnum(value, label, values);
}

/** An integer within the spec's bounds. */
export function between(min: number | undefined, max: number | undefined): Check {
  return (value, label) => assertIntegerInRange(value, label, min ?? -Infinity, max ?? Infinity);
}

/** An array whose every item passes `item`; a failing item is named by its index. */
export function arrayOf(item: Check): Check {
  return (value, label) => {
    assertArray(value, label);
    nest(label, () => value.forEach((element, index) => item(element, `${label}[${index}]`)));
  };
}

/** Null, or what `inner` accepts. */
export function nullable(inner: Check): Check {
  return (value, label) => {
    if (value !== null) inner(value, label);
  };
}

const made = new WeakMap<Check, Check>();

/**
 * Runs the check the named check `named` stands for, made by `make` the first time and then
 * kept: a generated check is a function declaration that calls this, so loading a module of
 * them costs nothing, one may refer to one defined further down or to itself, and a bundler
 * leaves out the ones an app never calls.
 */
export function runCheck(named: Check, make: () => Check, value: unknown, label: string): void {
  let check = made.get(named);
  if (check === undefined) made.set(named, (check = make()));
  check(value, label);
}

/**
 * An object whose `required` fields pass their checks and whose `optional` fields, when given,
 * pass theirs.
 */
export function shape(
  required: Readonly<Record<string, Check>>,
  optional: Readonly<Record<string, Check>> = {},
): Check {
  // The maps are read when a value is checked, not when the module loads.
  return (value, label) => {
    assertObject(value, label);
    nest(label, () => {
      for (const name in required) required[name]!(own(value, name), field(label, name));
      for (const name in optional) {
        const given = own(value, name);
        if (given !== undefined) optional[name]!(given, field(label, name));
      }
    });
  };
}

function own(value: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(value, name) ? value[name] : undefined;
}

/** `note.message`, or `attributes["2a-b"]` for a name that is not an identifier. */
function field(label: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${label}.${name}` : `${label}[${JSON.stringify(name)}]`;
}

/** How deep checks may go into a value before it is taken for a cycle. */
const maxDepth = 64;
let depth = 0;

function nest(label: string, check: () => void): void {
  if (depth >= maxDepth) {
    throw new TypeError(`${label} nests deeper than ${maxDepth} levels (does it contain itself?)`);
  }
  depth++;
  try {
    check();
  } finally {
    depth--;
  }
}
