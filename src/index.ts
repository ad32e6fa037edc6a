/**
 * dixa-beta: a typed client for the Dixa API (beta).
 * Start with `createDixaClient({ apiKey })`.
 *
 * @module
 */
export { createDixaClient, type DixaClient, type DixaResources } from "./client.js";
export { createDixaCore, DixaCore } from "./core.js";
export type {
  DixaClientOptions,
  DixaCoreOptions,
  RateLimitOptions,
  RetryOptions,
} from "./options.js";
export type { FetchLike } from "./http/transport.js";
export { RateLimiter } from "./http/rate-limiter.js";
export { sharedRateLimiter } from "./http/shared-rate-limiter.js";
export type {
  AcquireOptions,
  RateLimit,
  RateLimitPriority,
  RateLimitTicket,
} from "./http/rate-limit.js";
export type { DixaEvent, DixaEventBase, EventHook } from "./http/events.js";
export type { HookErrorHandler, HookErrorInfo } from "./http/hook-errors.js";
export type { HeadersOption } from "./http/header-text.js";
export {
  DixaError,
  DixaApiError,
  DixaNetworkError,
  DixaTimeoutError,
  DixaAbortError,
  DixaMalformedResponseError,
  DixaBulkResponseError,
  DixaPaginationError,
  DixaResponseValidationError,
  DixaRedirectError,
  isDixaError,
  isDixaApiError,
  type AnyDixaError,
  type DixaErrorKind,
  type RequestDescription,
} from "./errors.js";
export {
  splitBulkOutcomes,
  type BulkResult,
  type BulkSuccess,
  type BulkFailure,
  type BulkRejection,
  type BulkRequestFailure,
  type OutcomeData,
  type OutcomeError,
} from "./bulk.js";
export type { BulkOptions, BulkResultOf } from "./bulk-request.js";
export { Paginated, type Page } from "./paginate.js";
export type { ResponseMismatch } from "./validation/mismatch.js";
export type { ValidateResponses } from "./validation/mode.js";
export {
  createDriftRecorder,
  type DriftRecorder,
  type DriftRecorderOptions,
  type DriftRow,
} from "./validation/drift-recorder.js";
export { parseDixaTimestamp } from "./timestamps.js";
export type {
  CallOptions,
  DixaResponseInfo,
  Endpoint,
  components,
  operations,
  paths,
} from "./types.js";
export type { RawClient } from "./http/raw-client.js";
// Every operation as a function over a core (`notesCreate(core, ...)`), every resource class,
// the named types of every signature, and the table of operations: generated from the spec.
export * from "../generated/facade/index.js";
// What Dixa needs beyond the spec, by hand: uploads, `_type` tagging, bulk members, quirks.
export * from "./resources/index.js";
export type { OperationId } from "../generated/operation-table.js";
