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

/** Checks every item of an array with the same rule, naming the failing item by its index. */
export function assertEach<T>(
  items: readonly T[],
  name: string,
  check: (item: T, label: string) => void,
): void {
  items.forEach((item, index) => check(item, `${name}[${index}]`));
}
