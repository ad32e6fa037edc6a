import { notOneOf } from "../validate.js";

/** What `validateResponses` does with an answer: nothing, report mismatches, or also throw. */
export type ValidateResponses = "off" | "warn" | "strict";

const modes: readonly ValidateResponses[] = ["off", "warn", "strict"];

/** `"off"`, `"warn"` or `"strict"`; `"warn"` reports through an `onEvent` hook, so it needs one. */
export function checkValidationMode(
  value: unknown,
  onEvent: unknown,
  what: string,
): asserts value is ValidateResponses {
  // Kept short, and the message shared with `priority`'s: this check ships in every bundle.
  if (!modes.includes(value as ValidateResponses)) throw notOneOf(value, modes, what);
  if (value === "warn" && onEvent === undefined) {
    throw new TypeError(`${what} "warn" reports to onEvent: give the client one`);
  }
}
