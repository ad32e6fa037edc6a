import { callData, toJson } from "./call.js";
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
  /** Send the items in requests of at most this many, one after another. Default: all in one. */
  chunkSize?: number;
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
 * Sends a bulk call in chunks, one request after another, and returns one result indexed by
 * position in the caller's array. Nothing is lost:
 * - every chunk is checked and serialised before the first request, so a bad item is a
 *   TypeError while nothing has changed at Dixa;
 * - once a request has gone out, no failure throws: a chunk whose request fails as a whole
 *   turns into `request-failed` failures carrying that error, the other chunks' results kept,
 *   and after a caller abort the chunks not yet sent fail with the abort error;
 * - only when no item can have been applied (every chunk refused with a 4xx, or aborted before
 *   being sent) does the call throw, with the first chunk's error, as a single call would.
 */
export async function sendBulkInChunks<Input, Outcome>(
  core: DixaCore,
  request: BulkRequest<Input>,
  inputs: readonly Input[],
  options: BulkOptions = {},
): Promise<BulkResultOf<Input, Outcome>> {
  const { method, pathTemplate, path } = request;
  const { chunkSize, ...callOptions } = options ?? {};
  const max = request.maxPerRequest ?? Infinity;
  const size = chunkSize ?? Math.min(inputs.length, max);
  assertPositiveInteger(size, "chunkSize");
  if (size > max) {
    throw new TypeError(
      `chunkSize must be at most ${max}, Dixa's limit per request, got ${describeValue(size)}`,
    );
  }
  const state = coreState(core);
  resolveCallOptions(callOptions, state);
  const chunks = [];
  for (let start = 0; start < inputs.length; start += size) {
    const items = inputs.slice(start, start + size);
    chunks.push({ start, items, json: toJson(request.body(items), method, pathTemplate) });
  }

  type Result = BulkResultOf<Input, Outcome>;
  const parts: Result[] = [];
  let abort: DixaAbortError | undefined;
  let maybeApplied = false;
  let firstError: DixaError | undefined;
  for (const { start, items, json } of chunks) {
    const failAll = (error: DixaError): Result => ({
      successes: [],
      failures: items.map((input, i) => ({
        reason: "request-failed",
        index: start + i,
        input,
        error,
      })),
    });
    if (abort !== undefined) {
      parts.push(failAll(abort));
      continue;
    }
    try {
      const outcomes = await callData<readonly Outcome[]>(core, {
        method,
        pathTemplate,
        path,
        body: json,
        options: callOptions,
      });
      maybeApplied = true;
      parts.push(splitBulkOutcomes(items, outcomes, { indexOffset: start }));
    } catch (caught) {
      const error = asDixaError(caught, method, pathTemplate, state.redact);
      firstError ??= error;
      if (!refusedWhole(error)) maybeApplied = true;
      if (error instanceof DixaAbortError) abort = error;
      parts.push(failAll(error));
    }
  }
  if (!maybeApplied && firstError !== undefined) throw firstError;
  return mergeBulkResults(parts);
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
