import { DixaBulkResponseError, type DixaError } from "./errors.js";

/**
 * Dixa's bulk endpoints answer one outcome per input, in input order: `{ data }` for a success,
 * `{ error }` for a failure, usually tagged `_type: "BulkActionSuccess" | "BulkActionFailure"`.
 * The spec declares no discriminator, so outcomes are told apart here at run time.
 */
export interface BulkSuccess<Input, Data> {
  /** Position of the input in the caller's array. */
  index: number;
  input: Input;
  data: Data;
}

/** Dixa answered for this item and refused it: `error` is Dixa's own, for this item alone. */
export interface BulkRejection<Input, Error> {
  reason: "rejected";
  index: number;
  input: Input;
  error: Error;
}

/**
 * The request that carried this item failed as a whole (an error status for the whole chunk, a
 * network failure, a timeout, an answer that cannot be paired, an abort), so Dixa said nothing
 * about the item itself. After a 5xx, a network failure or a timeout the item may still have
 * been applied; `error` says which it was.
 */
export interface BulkRequestFailure<Input> {
  reason: "request-failed";
  index: number;
  input: Input;
  error: DixaError;
}

/** One failed item: branch on `reason`. */
export type BulkFailure<Input, Error> = BulkRejection<Input, Error> | BulkRequestFailure<Input>;

/** A bulk call's outcome: every input lands in exactly one of the two lists, by its `index`. */
export interface BulkResult<Input, Data, Error> {
  successes: BulkSuccess<Input, Data>[];
  failures: BulkFailure<Input, Error>[];
}

/** The `data` of the success member of a generated `BulkActionOutcome_*` union. */
export type OutcomeData<Outcome> = Outcome extends { data: infer D } ? D : never;
/** The `error` of the failure member of a generated `BulkActionOutcome_*` union. */
export type OutcomeError<Outcome> = Outcome extends { error: infer E } ? E : never;

const successTag = "BulkActionSuccess";
const failureTag = "BulkActionFailure";

/**
 * Pairs each outcome with the input at the same position and sorts them into successes and
 * failures. Throws DixaBulkResponseError (keeping the raw outcomes) when the counts differ or an
 * outcome cannot be classified: nothing is dropped and nothing is invented.
 */
export function splitBulkOutcomes<Input, Outcome>(
  inputs: readonly Input[],
  outcomes: readonly Outcome[],
  options: { indexOffset?: number } = {},
): BulkResult<Input, OutcomeData<Outcome>, OutcomeError<Outcome>> {
  if (!Array.isArray(outcomes)) {
    throw new DixaBulkResponseError(
      `bulk answer has no outcome list for ${inputs.length} input(s)`,
      inputs.length,
      [],
    );
  }
  if (outcomes.length !== inputs.length) {
    throw new DixaBulkResponseError(
      `bulk answer has ${outcomes.length} outcome(s) for ${inputs.length} input(s); they pair by position, so none can be trusted`,
      inputs.length,
      outcomes,
    );
  }
  const offset = options.indexOffset ?? 0;
  const result: BulkResult<Input, OutcomeData<Outcome>, OutcomeError<Outcome>> = {
    successes: [],
    failures: [],
  };
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i] as unknown;
    const input = inputs[i] as Input;
    const kind = classify(outcome);
    if (kind === "success") {
      result.successes.push({
        index: i + offset,
        input,
        data: (outcome as { data: OutcomeData<Outcome> }).data,
      });
    } else if (kind === "failure") {
      result.failures.push({
        reason: "rejected",
        index: i + offset,
        input,
        error: (outcome as { error: OutcomeError<Outcome> }).error,
      });
    } else {
      throw new DixaBulkResponseError(
        `bulk outcome ${i + offset} ${kind}`,
        inputs.length,
        outcomes,
      );
    }
  }
  return result;
}

/** "success", "failure", or the reason the outcome is neither. */
function classify(outcome: unknown): "success" | "failure" | string {
  if (typeof outcome !== "object" || outcome === null || Array.isArray(outcome)) {
    return "is not an object";
  }
  const hasData = "data" in outcome;
  const hasError = "error" in outcome;
  const tag = (outcome as { _type?: unknown })._type;
  if (tag !== undefined) {
    if (tag === successTag && hasData) return "success";
    if (tag === failureTag && hasError) return "failure";
    if (tag === successTag || tag === failureTag) {
      return `is tagged ${tag} but has no \`${tag === successTag ? "data" : "error"}\``;
    }
    return `has an unknown _type ${JSON.stringify(tag)}`;
  }
  if (hasData && !hasError) return "success";
  if (hasError && !hasData) return "failure";
  return hasData ? "has both `data` and `error`" : "has neither `data` nor `error`";
}

/** Joins per-chunk results back into one, keeping each item's position in the caller's array. */
export function mergeBulkResults<Input, Data, Error>(
  parts: readonly BulkResult<Input, Data, Error>[],
): BulkResult<Input, Data, Error> {
  const byIndex = <T extends { index: number }>(a: T, b: T) => a.index - b.index;
  return {
    successes: parts.flatMap((part) => part.successes).sort(byIndex),
    failures: parts.flatMap((part) => part.failures).sort(byIndex),
  };
}
