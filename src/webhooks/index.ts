/**
 * dixa-beta/webhooks: receiving Dixa's webhook deliveries. Verifies `X-DIXA-SIGNATURE` over the
 * raw body with Web Crypto, turns the delivery into an event typed by `event_fqn`, reads Web and
 * Node.js requests with a size cap, de-duplicates by `event_id`, maps subscription names to
 * `event_fqn` and back, and signs test deliveries for your own tests.
 *
 * Runs wherever Web Crypto exists (Node.js 20+, Deno, Bun, browsers, edge runtimes): nothing
 * here imports from Node.js, and nothing imports the API client.
 *
 * Start with `createDixaWebhookReceiver({ secret })` or `constructDixaEvent(rawBody, headers, secret)`.
 * @packageDocumentation
 */
export {
  constructDixaEvent,
  type DixaConstructEventOptions,
  type DixaStrictConstructEventOptions,
} from "./construct-event.js";
export {
  createDixaWebhookReceiver,
  type DixaWebhookReceiver,
  type DixaWebhookReceiverOptions,
} from "./receiver.js";
export { constructDixaEventFromRequest, type DixaWebhookRequestLike } from "./read-request.js";
export {
  constructDixaEventFromNodeRequest,
  type DixaWebhookNodeRequestLike,
} from "./read-node-request.js";
export { DEFAULT_MAX_BODY_BYTES, type DixaWebhookBodyOptions } from "./body-limit.js";
export { DEFAULT_TOLERANCE_MS, type DixaWebhookVerifyOptions } from "./verify-options.js";
export type { DixaWebhookHeaders } from "./header-lookup.js";
export type { DixaWebhookRawBody } from "./raw-body.js";
export {
  DixaWebhookError,
  DixaWebhookSignatureError,
  DixaWebhookPayloadError,
  isDixaWebhookSignatureError,
  isDixaWebhookPayloadError,
  type DixaWebhookErrorKind,
  type DixaWebhookSignatureErrorKind,
  type DixaWebhookPayloadErrorKind,
} from "./errors.js";
export {
  DEFAULT_DEDUPE_TTL_MS,
  createMemoryDedupeStore,
  type DixaWebhookDedupeStore,
  type DixaMemoryDedupeStore,
  type MemoryDedupeStoreOptions,
} from "./dedupe-store.js";
export {
  dixaWebhookEvents,
  dixaEventFqn,
  dixaSubscriptionName,
  isDixaEventFqn,
  isDixaSubscriptionEventName,
  toDixaEventFqn,
  toDixaSubscriptionName,
  type DixaWebhookEventInfo,
  type DixaWebhookEventRow,
  type DixaSubscriptionEventName,
  type DixaEventFqn,
  type DixaEventFqnOf,
  type DixaSubscriptionNameOf,
} from "./event-names.js";
export { isKnownDixaEvent, isDixaEvent, type DixaEventFqnFor } from "./event-guards.js";
export type * from "./event-types.js";
export type * from "./event-objects.js";
export {
  signDixaWebhook,
  computeDixaSignature,
  type SignDixaWebhookOptions,
  type SignedDixaWebhook,
} from "./sign.js";
export { toDixaJson } from "./dixa-json.js";
export { sampleDixaEvent, createDixaTestEvent, type DixaSampledEventFqn } from "./test-events.js";
export { dixaSamples, type DixaSampleEvent } from "./samples.js";
