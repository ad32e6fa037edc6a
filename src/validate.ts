/**
 * Input checks run before any request is sent, so a bad argument costs no round trip and no
 * quota. Each throws a TypeError that names the argument (and item) and says what was expected.
 * Values are described by type and length, never echoed whole.
 */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string")
    return value.trim() === "" ? "an empty string" : `a string of ${value.length} characters`;
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : `the number ${value}`;
  return typeof value;
}

/** Conversation ids (csid) are int64 numbers; JavaScript can carry them exactly up to 2^53 - 1. */
export function assertConversationId(
  value: unknown,
  name = "conversationId",
): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(
      `${name} must be a positive safe integer (a Dixa conversation id), got ${describeValue(value)}`,
    );
  }
}

export function assertUuid(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || !uuidPattern.test(value)) {
    throw new TypeError(`${name} must be a UUID string, got ${describeValue(value)}`);
  }
}

export function assertNonEmptyString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${name} must be a non-empty string, got ${describeValue(value)}`);
  }
}

export function assertObject(
  value: unknown,
  name: string,
): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object, got ${describeValue(value)}`);
  }
}

export function assertNonEmptyArray<T>(
  value: readonly T[] | unknown,
  name: string,
): asserts value is readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`${name} must be a non-empty array, got ${describeValue(value)}`);
  }
}

export function assertPositiveInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive integer, got ${describeValue(value)}`);
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
    throw new TypeError(`${name} must be a boolean, got ${describeValue(value)}`);
  }
}

export function assertString(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string, got ${describeValue(value)}`);
  }
}

export function assertArray(value: unknown, name: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${name} must be an array, got ${describeValue(value)}`);
  }
}

export function assertIntegerInRange(value: unknown, name: string, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(
      `${name} must be an integer from ${min} to ${max}, got ${describeValue(value)}`,
    );
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
    throw new TypeError(
      `${name} must be an ISO 8601 date-time string, got ${describeValue(value)}`,
    );
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
    throw new TypeError(
      `query.pageLimit must be at most ${maxPageLimit} for this operation, got ${describeValue(pageLimit)}`,
    );
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
    if (!ok) {
      throw new TypeError(
        `${name}[${JSON.stringify(key)}] must be a string or an array of strings, got ${describeValue(item)}`,
      );
    }
  });
}

/** A value that must be given (anything but undefined or null). */
export function assertPresent(value: unknown, name: string): void {
  if (value === undefined || value === null) {
    throw new TypeError(`${name} is required, got ${describeValue(value)}`);
  }
}

/** One of the values the spec allows. */
export function assertEnum(value: unknown, name: string, allowed: readonly unknown[]): void {
  if (!allowed.includes(value)) {
    const list = allowed.map((item) => JSON.stringify(item)).join(", ");
    throw new TypeError(`${name} must be one of ${list}, got ${describeValue(value)}`);
  }
}

export function assertInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${describeValue(value)}`);
  }
}

export function assertNumber(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${name} must be a finite number, got ${describeValue(value)}`);
  }
}

/** Runs a nested value's own checks: for a required field whose shape is checked in turn. */
export function checkNested(
  value: unknown,
  name: string,
  check: (value: unknown, name: string) => void,
): void {
  check(value, name);
}
