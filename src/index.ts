/**
 * dixa-beta: a typed client for the Dixa API (beta).
 * Start with `createDixaClient({ apiKey })`.
 */
export { createDixaClient, type DixaClient } from "./client.js";
export type { DixaClientOptions, RateLimitOptions, RetryOptions } from "./options.js";
export {
  DixaError,
  DixaApiError,
  DixaNetworkError,
  DixaTimeoutError,
  DixaAbortError,
  DixaMalformedResponseError,
  DixaBulkResponseError,
  DixaPaginationError,
  isDixaError,
  isDixaApiError,
  type DixaErrorKind,
} from "./errors.js";
export {
  splitBulkOutcomes,
  type BulkResult,
  type BulkSuccess,
  type BulkFailure,
  type OutcomeData,
  type OutcomeError,
} from "./bulk.js";
export { Paginated, type Page } from "./paginate.js";
export { parseDixaTimestamp } from "./timestamps.js";
export type { CallOptions, components, operations, paths } from "./types.js";
export type { RawClient } from "./api.js";
export type { Agent, ListAgentsQuery } from "./resources/agents.js";
export type {
  InternalNote,
  CreateNoteInput,
  NoteFailure,
  CreateManyNotesResult,
  CreateManyOptions,
} from "./resources/notes.js";
