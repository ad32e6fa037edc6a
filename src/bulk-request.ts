import { callData, toJson, type Json } from "./call.js";
import { coreState, type DixaCore } from "./core.js";
import {
  mergeBulkResults,
  splitBulkOutcomes,
  type BulkResult,
  type OutcomeData,
  type OutcomeError,
} from "./bulk.js";
import {
  DixaAbortError,
  DixaApiError,
  DixaBulkResponseError,
  DixaError,
  isDixaError,
} from "./errors.js";
import { resolveCallOptions } from "./http/call-options.js";
import type { CallOptions } from "./types.js";
import type { Redactor } from "./redact.js";
import { assertPositiveInteger, describeValue } from "./validate.js";

/** Options of every per-item bulk method. */
export interface BulkOptions extends CallOptions {
  /** Send the items in requests of at most this many. Default: all in one. */
  chunkSize?: number;
  /**
   * How many chunks may be on their way at once, each still waiting its turn in the rate
   * limiter: with Dixa's latency, one chunk at a time uses a fraction of the rate limit. Chunks
   * start in order. Default 1.
   */
  concurrency?: number;
}

/** One bulk call: where it goes, and what one chunk's request looks like around its items. */
export interface BulkRequest<Input> {
  method: string;
  /** The OpenAPI path template: names the operation in errors. */
  pathTemplate: string;
  /** The path as sent. */
  path: string;
  body: (items: readonly Input[]) => unknown;
  /** A documented cap on items per request: the default chunk size, and the largest allowed. */
  maxPerRequest?: number;
}

/** The result of a bulk call whose answer holds `Outcome`s, one per input. */
export type BulkResultOf<Input, Outcome> = BulkResult<
  Input,
  OutcomeData<Outcome>,
  OutcomeError<Outcome>
>;

/**
 * Sends a bulk call in chunks, up to `concurrency` requests at once (one after another by
 * default), and returns one result indexed by position in the caller's array. Nothing is lost:
 * - every chunk is checked and serialised before the first request, so a bad item is a
 *   TypeError while nothing has changed at Dixa;
 * - once a request has gone out, no failure throws: a chunk whose request fails as a whole
 *   turns into `request-failed` failures carrying that error, the other chunks' results kept,
 *   and after a caller abort the chunks not yet sent fail with an abort error;
 * - only when no item can have been applied (every chunk refused with a 4xx, or aborted before
 *   being sent) does the call throw, with the error of the first chunk (in input order), as a
 *   single call would.
 */
export async function sendBulkInChunks<Input, Outcome>(
  core: DixaCore,
  request: BulkRequest<Input>,
  inputs: readonly Input[],
  options: BulkOptions = {},
): Promise<BulkResultOf<Input, Outcome>> {
  const { method, pathTemplate, path } = request;
  const { chunkSize, concurrency = 1, ...callOptions } = options ?? {};
  const max = request.maxPerRequest ?? Infinity;
  const size = chunkSize ?? Math.min(inputs.length, max);
  assertPositiveInteger(size, "chunkSize");
  if (size > max) {
    throw new TypeError(
      `chunkSize must be at most ${max}, Dixa's limit per request, got ${describeValue(size)}`,
    );
  }
  assertPositiveInteger(concurrency, "concurrency");
  const state = coreState(core);
  resolveCallOptions(callOptions, state);
  const chunks: Chunk<Input>[] = [];
  for (let start = 0; start < inputs.length; start += size) {
    const items = inputs.slice(start, start + size);
    chunks.push({ start, items, json: toJson(request.body(items), method, pathTemplate) });
  }

  type Result = BulkResultOf<Input, Outcome>;
  const parts: Result[] = [];
  /** Per chunk, the error its request failed with. */
  const errors: (DixaError | undefined)[] = [];
  let abort: DixaAbortError | undefined;
  let maybeApplied = false;
  let next = 0;
  // Each worker takes the next chunk in order until none is left.
  const worker = async () => {
    while (next < chunks.length) {
      const index = next++;
      const chunk = chunks[index]!;
      if (abort !== undefined) {
        parts[index] = failAll(chunk, abort);
        continue;
      }
      try {
        const outcomes = await callData<readonly Outcome[]>(core, {
          method,
          pathTemplate,
          path,
          body: chunk.json,
          options: callOptions,
        });
        maybeApplied = true;
        parts[index] = splitBulkOutcomes(chunk.items, outcomes, { indexOffset: chunk.start });
      } catch (caught) {
        const error = asDixaError(caught, method, pathTemplate, state.redact);
        errors[index] = error;
        if (!refusedWhole(error)) maybeApplied = true;
        if (error instanceof DixaAbortError) abort ??= error;
        parts[index] = failAll(chunk, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  const firstError = errors.find((error) => error !== undefined);
  if (!maybeApplied && firstError !== undefined) throw firstError;
  return mergeBulkResults(parts);
}

interface Chunk<Input> {
  /** Index of its first item in the caller's array. */
  start: number;
  items: readonly Input[];
  json: Json;
}

/** Every item of a chunk whose request failed as a whole, failed with that error. */
function failAll<Input, Data, Error>(
  { start, items }: Chunk<Input>,
  error: DixaError,
): BulkResult<Input, Data, Error> {
  return {
    successes: [],
    failures: items.map((input, i) => ({
      reason: "request-failed",
      index: start + i,
      input,
      error,
    })),
  };
}

/** True when the error shows Dixa applied nothing of the request: refused whole, or never sent. */
function refusedWhole(error: DixaError): boolean {
  if (error instanceof DixaApiError) return error.status >= 400 && error.status < 500;
  return error instanceof DixaAbortError && error.attempts === 0;
}

/** Any failure after the first request went out, as a DixaError fit to hand back as data. */
function asDixaError(caught: unknown, method: string, pathTemplate: string, redact: Redactor) {
  if (caught instanceof DixaBulkResponseError) {
    return new DixaBulkResponseError(
      caught.message,
      caught.inputCount,
      redact.data(caught.outcomes),
    );
  }
  if (isDixaError(caught)) return caught;
  const reason = caught instanceof Error ? caught.message : String(caught);
  // Only the redacted message is kept: the error itself might carry the token.
  return new DixaError("unexpected", `${method} ${pathTemplate} failed: ${redact.text(reason)}`);
}
