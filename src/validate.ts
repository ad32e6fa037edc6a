/**
 * Input checks run before any request is sent, so a bad argument costs no round trip and no
 * quota. Each throws a TypeError that names the argument (and item), says what was expected,
 * shows what was given and, where the fix is not plain, what to pass. A value that reads like an
 * id or a code (`"4711"`, `"agent-1"`) is quoted, cut after 40 characters; one that could be a
 * secret (by the argument's name) or personal data (text with spaces, an e-mail address, a long
 * run of digits such as a card or phone number) is told by type and length only.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Argument names whose values may be secrets or personal data: never quoted in an error. */
const secretName = /authori[sz]ation|password|secret|token|api.?key|credential|cookie|headers/i;
const personalName =
  /(^|[.[])(content|message|text|body|comment|subject|description|note|title|\w*name|email\w*|phone\w*|address)\b/i;
const quotedLength = 40;

/** The error for an option that takes one of a few words: it names them and what came. */
export function notOneOf(value: unknown, words: readonly string[], what: string): TypeError {
  const got = typeof value === "string" ? JSON.stringify(value) : typeof value;
  return new TypeError(
    `${what} must be one of ${words.map((w) => `"${w}"`).join(", ")}, got ${got}`,
  );
}

/** A value by type and length only, never echoed: for options that may hold a secret. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string")
    return value.trim() === "" ? "an empty string" : `a string of ${value.length} characters`;
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : `the number ${value}`;
  return typeof value;
}

/**
 * A value as an argument error shows it: `"4711" (a string)`, `the number 0`, `an array of 3`;
 * a string longer than 40 characters is cut (`"abc…" (a string of 300 characters)`), and the
 * value of an argument whose name says it may be a secret is told by type and length only.
 */
export function describeArgument(value: unknown, name: string): string {
  if (secretName.test(name) && value != null && typeof value !== "object") {
    return typeof value === "string" ? describeValue(value) : `a ${typeof value}`;
  }
  if (typeof value === "string") {
    if (value.trim() === "") return value === "" ? "an empty string" : "a string of only spaces";
    if (secretName.test(name) || personalName.test(name) || !readsLikeAnId(value)) {
      return describeValue(value);
    }
    if (value.length <= quotedLength) return `${JSON.stringify(value)} (a string)`;
    return `${JSON.stringify(value.slice(0, quotedLength))}… (a string of ${value.length} characters)`;
  }
  if (typeof value === "boolean") return `${value} (a boolean)`;
  if (typeof value === "bigint") return secretName.test(name) ? "a bigint" : `${value}n (a bigint)`;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
    const kind = prototype?.constructor?.name;
    return prototype === null || kind === "Object" || typeof kind !== "string" || kind === ""
      ? "an object"
      : `a ${kind}`;
  }
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  return describeValue(value);
}

/** No spaces, no `@`, no run of 13 or more digits: not a sentence, an address or a card number. */
function readsLikeAnId(value: string): boolean {
  return !/[\s@]/.test(value) && !/\d{13}/.test(value);
}

/** The TypeError of an argument that is not what it must be, with what to pass when useful. */
function invalid(name: string, expected: string, value: unknown, hint?: string): TypeError {
  const advice = hint === undefined ? "" : `; ${hint}`;
  return new TypeError(
    `${name} must be ${expected}, got ${describeArgument(value, name)}${advice}`,
  );
}

/** What to pass instead of a number or id given as text. */
function numberHint(value: unknown): string | undefined {
  if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return "pass a number";
  return undefined;
}

/** Conversation ids (csid) are int64 numbers; JavaScript can carry them exactly up to 2^53 - 1. */
export function assertConversationId(
  value: unknown,
  name = "conversationId",
): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    const hint =
      typeof value === "number"
        ? "pass a whole number from 1"
        : (numberHint(value) ?? "pass a number");
    throw invalid(name, "a positive safe integer (a Dixa conversation id)", value, hint);
  }
}

export function assertUuid(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || !uuidPattern.test(value)) {
    throw invalid(name, "a UUID string", value, "pass 32 hexadecimal digits as 8-4-4-4-12");
  }
}

export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value.trim() === "") {
    throw invalid(name, "a non-empty string", value);
  }
}

export function assertObject(
  value: unknown,
  name: string,
): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(name, "an object", value);
  }
}

export function assertNonEmptyArray<T>(
  value: readonly T[] | unknown,
  name: string,
): asserts value is readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid(name, "a non-empty array", value);
  }
}

export function assertPositiveInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    throw invalid(name, "a positive integer", value, numberHint(value));
  }
}

/** A non-empty array whose every item passes `check` (failures name the item by index). */
export function assertItems<T>(
  items: readonly T[] | unknown,
  name: string,
  check: (item: T, label: string) => void,
): asserts items is readonly T[] {
  assertNonEmptyArray<T>(items, name);
  assertEach(items, name, check);
}

/** Checks every item of an array with the same rule, naming the failing item by its index. */
export function assertEach<T>(
  items: readonly T[],
  name: string,
  check: (item: T, label: string) => void,
): void {
  items.forEach((item, index) => check(item, `${name}[${index}]`));
}

export function assertBoolean(value: unknown, name: string): asserts value is boolean {
  if (typeof value !== "boolean") {
    const hint = value === "true" || value === "false" ? `pass ${value} without quotes` : undefined;
    throw invalid(name, "a boolean", value, hint);
  }
}

export function assertString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string") throw invalid(name, "a string", value);
}

export function assertArray(value: unknown, name: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(name, "an array", value);
}

export function assertIntegerInRange(value: unknown, name: string, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(name, `an integer from ${min} to ${max}`, value, numberHint(value));
  }
}

/**
 * A date and time of day (`2025-01-08T08:31:25Z`; seconds, fractions and the offset optional),
 * also as Dixa writes them back (`...Z[GMT]`), so a value read from Dixa can be sent again.
 */
const timestampPattern =
  /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?(\[[^\]]+\])?$/;

/** An ISO 8601 date-time as Dixa reads it (`2025-01-08T08:31:25Z`). */
export function assertTimestamp(value: unknown, name: string): asserts value is string {
  const date = typeof value === "string" ? timestampPattern.exec(value)?.[1] : undefined;
  if (date === undefined || Number.isNaN(Date.parse(date))) {
    const hint =
      value instanceof Date ? "pass date.toISOString()" : 'pass e.g. "2025-01-08T08:31:25Z"';
    throw invalid(name, "an ISO 8601 date-time string", value, hint);
  }
}

/** Runs `check` only when the value is there: for optional fields. */
export function ifPresent(
  value: unknown,
  name: string,
  check: (value: unknown, name: string) => void,
): void {
  if (value !== undefined) check(value, name);
}

/** A non-empty array of UUIDs, e.g. the `agentIds` of a members call. */
export function assertUuidList(value: unknown, name: string): asserts value is readonly string[] {
  assertNonEmptyArray<unknown>(value, name);
  assertEach(value, name, assertUuid);
}

/**
 * A list method's query: a plain object (not an array, a Map or a class instance), whose
 * `pageLimit`, when given, is a positive integer within the operation's documented maximum.
 */
export function assertListQuery(
  query: unknown,
  maxPageLimit = Infinity,
): asserts query is Record<string, unknown> {
  assertObject(query, "query");
  const prototype = Object.getPrototypeOf(query);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(
      `query must be a plain object, got an instance of ${prototype?.constructor?.name ?? "a class"}`,
    );
  }
  ifPresent(query["pageLimit"], "query.pageLimit", assertPositiveInteger);
  const pageLimit = query["pageLimit"] as number | undefined;
  if (pageLimit !== undefined && pageLimit > maxPageLimit) {
    throw invalid("query.pageLimit", `at most ${maxPageLimit} for this operation`, pageLimit);
  }
}

/**
 * Custom attribute values to set: a non-empty object whose keys are custom attribute ids
 * (UUIDs) and whose values are a string or an array of strings.
 */
export function assertCustomAttributeValues(value: unknown, name: string): void {
  assertObject(value, name);
  const entries = Object.entries(value);
  if (entries.length === 0) {
    throw new TypeError(`${name} must set at least one custom attribute, got an empty object`);
  }
  entries.forEach(([key, item], index) => {
    assertUuid(key, `${name} key #${index}`);
    const ok =
      typeof item === "string" ||
      (Array.isArray(item) && item.every((element) => typeof element === "string"));
    if (!ok)
      throw invalid(`${name}[${JSON.stringify(key)}]`, "a string or an array of strings", item);
  });
}

/** A value that must be given (anything but undefined or null). */
export function assertPresent(value: unknown, name: string): void {
  if (value === undefined || value === null) {
    throw new TypeError(`${name} is required, got ${describeArgument(value, name)}`);
  }
}

/** One of the values the spec allows. */
export function assertEnum(value: unknown, name: string, allowed: readonly unknown[]): void {
  if (!allowed.includes(value)) {
    throw invalid(name, `one of ${allowed.map((item) => JSON.stringify(item)).join(", ")}`, value);
  }
}

export function assertInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw invalid(name, "an integer", value, numberHint(value));
  }
}

export function assertNumber(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalid(name, "a finite number", value, numberHint(value));
  }
}
