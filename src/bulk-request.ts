import { mergeBulkResults, splitBulkOutcomes, type BulkResult } from "./bulk.js";
import { DixaAbortError, isDixaError, type DixaError } from "./errors.js";
import type { CallOptions } from "./types.js";
import { assertPositiveInteger } from "./validate.js";

/** Options of every per-item bulk method. */
export interface BulkOptions extends CallOptions {
  /** Send the items in requests of at most this many, one after another. Default: all in one. */
  chunkSize?: number;
}

/**
 * Sends a bulk call in chunks, one request after another, and returns one result indexed by
 * position in the caller's array. A chunk whose request fails as a whole (an API error, a
 * network failure, an answer that cannot be paired) turns into failures carrying that error; the
 * other chunks' results are kept. After a caller abort, the chunks not yet sent fail with the
 * abort error instead of being dropped.
 */
export async function sendBulkInChunks<Input, Outcome>(
  inputs: readonly Input[],
  options: BulkOptions,
  send: (chunk: Input[], callOptions: CallOptions) => Promise<readonly Outcome[]>,
): Promise<BulkResult<Input, OutcomeDataOf<Outcome>, OutcomeErrorOf<Outcome> | DixaError>> {
  const { chunkSize, ...callOptions } = options;
  const size = chunkSize ?? inputs.length;
  assertPositiveInteger(size, "chunkSize");
  const parts: BulkResult<Input, OutcomeDataOf<Outcome>, OutcomeErrorOf<Outcome> | DixaError>[] =
    [];
  let abort: DixaAbortError | undefined;
  for (let start = 0; start < inputs.length; start += size) {
    const chunk = inputs.slice(start, start + size);
    const failAll = (error: DixaError) => ({
      successes: [],
      failures: chunk.map((input, i) => ({ index: start + i, input, error })),
    });
    if (abort !== undefined) {
      parts.push(failAll(abort));
      continue;
    }
    try {
      const outcomes = await send(chunk, callOptions);
      parts.push(splitBulkOutcomes(chunk, outcomes, { indexOffset: start }));
    } catch (error) {
      if (!isDixaError(error)) throw error;
      if (error instanceof DixaAbortError) abort = error;
      parts.push(failAll(error));
    }
  }
  return mergeBulkResults(parts);
}

type OutcomeDataOf<Outcome> = Outcome extends { data: infer D } ? D : never;
type OutcomeErrorOf<Outcome> = Outcome extends { error: infer E } ? E : never;
