import { describeValue } from "../validate.js";

/** What `validateResponses` does with an answer: nothing, report mismatches, or also throw. */
export type ValidateResponses = "off" | "warn" | "strict";

/** `"off"`, `"warn"` or `"strict"`; `"warn"` reports through an `onEvent` hook, so it needs one. */
export function checkValidationMode(
  value: unknown,
  onEvent: unknown,
  what: string,
): asserts value is ValidateResponses {
  if (value !== "off" && value !== "warn" && value !== "strict") {
    throw new TypeError(`${what} must be "off", "warn" or "strict", got ${describeValue(value)}`);
  }
  // Kept short: this check ships in every bundle, validation on or off.
  if (value === "warn" && onEvent === undefined) {
    throw new TypeError(`${what} "warn" reports to onEvent: give the client one`);
  }
}
