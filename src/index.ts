/**
 * dixa-beta: a typed client for the Dixa API (beta).
 * Start with `createDixaClient({ apiKey })`.
 */
export { createDixaClient, type DixaClient } from "./client.js";
export type { DixaClientOptions, RateLimitOptions, RetryOptions } from "./options.js";
export type { FetchLike } from "./http/transport.js";
export { RateLimiter } from "./http/rate-limiter.js";
export type { RateLimit, RateLimitTicket } from "./http/rate-limit.js";
export type { DixaEvent, EventHook } from "./http/events.js";
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
  type RequestDescription,
} from "./errors.js";
export {
  splitBulkOutcomes,
  type BulkResult,
  type BulkSuccess,
  type BulkFailure,
  type OutcomeData,
  type OutcomeError,
} from "./bulk.js";
export type { BulkOptions } from "./bulk-request.js";
export { Paginated, type Page } from "./paginate.js";
export { parseDixaTimestamp } from "./timestamps.js";
export type { CallOptions, components, operations, paths } from "./types.js";
export type { RawClient } from "./http/raw-client.js";
export type * from "./resources/agents.js";
export type * from "./resources/analytics.js";
export type * from "./resources/anonymization.js";
export type * from "./resources/business-hours.js";
export type * from "./resources/contact-endpoints.js";
export type * from "./resources/conversations.js";
export type * from "./resources/custom-attributes.js";
export type * from "./resources/end-users.js";
export type * from "./resources/knowledge.js";
export type * from "./resources/messages.js";
export type * from "./resources/notes.js";
export type * from "./resources/organization.js";
export type * from "./resources/queues.js";
export type * from "./resources/ratings.js";
export type * from "./resources/search.js";
export type * from "./resources/tags.js";
export type * from "./resources/teams.js";
export type * from "./resources/templates.js";
export type * from "./resources/webhooks.js";
export { facadeOperations, type FacadeCall, type FacadeOperation } from "./operations.js";
export type { OperationId } from "../generated/operation-table.js";
