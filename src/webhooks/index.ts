/**
 * dixa-beta/webhooks: receiving Dixa's webhook deliveries. Verifies `X-DIXA-SIGNATURE` over the
 * raw body with Web Crypto, turns the delivery into an event typed by `event_fqn`, reads Web and
 * Node.js requests with a size cap, de-duplicates by `event_id`, answers with the right status
 * (`receiver.fetchHandler`, `receiver.nodeHandler`), maps subscription names to `event_fqn` and
 * back, and signs test deliveries for your own tests.
 *
 * Runs wherever Web Crypto exists (Node.js 20+, Deno, Bun, browsers, edge runtimes): nothing
 * here imports from Node.js, and nothing imports the API client.
 *
 * Start with `createDixaWebhookReceiver({ secret })` or `constructDixaEvent(rawBody, headers, secret)`.
 *
 * Where things are: verify.ts (the signature), construct-event.ts (signature, then the
 * envelope), adapters.ts (reading Web and Node requests with a cap), receiver.ts and
 * handlers.ts (one receiver per secret, and what its handlers answer), dedupe.ts, events.ts and
 * event-names.ts (the typed events), sign.ts and samples.ts (test deliveries), errors.ts.
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
  type DixaWebhookNodeResponseLike,
} from "./receiver.js";
export type { DixaWebhookAnswer, DixaWebhookHandlerOptions } from "./handlers.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  constructDixaEventFromNodeRequest,
  constructDixaEventFromRequest,
  type DixaWebhookBodyOptions,
  type DixaWebhookNodeRequestLike,
  type DixaWebhookRequestLike,
} from "./adapters.js";
export {
  DEFAULT_TOLERANCE_MS,
  type DixaWebhookHeaders,
  type DixaWebhookRawBody,
  type DixaWebhookVerifyOptions,
} from "./verify.js";
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
  DEFAULT_DEDUPE_LEASE_MS,
  DEFAULT_DEDUPE_TTL_MS,
  createMemoryDedupeStore,
  type DixaDedupeClaim,
  type DixaWebhookDedupeStore,
  type DixaMemoryDedupeStore,
  type MemoryDedupeStoreOptions,
} from "./dedupe.js";
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
export {
  isKnownDixaEvent,
  isDixaEvent,
  type AnyDixaEvent,
  type DixaEventFqnFor,
  type DixaWebhookEnvelope,
  type DixaLooseEventData,
  type DixaAssumedConversationEventData,
  type DixaConversationEventData,
  type DixaConversationPendingExpiredData,
  type DixaConversationAbandonedData,
  type DixaConversationNoteAddedData,
  type DixaConversationMessageAddedData,
  type DixaConversationTagAddedData,
  type DixaConversationRatedData,
  type DixaEventDataByFqn,
  type DixaWebhookEventOf,
  type DixaWebhookEventNamed,
  type DixaKnownWebhookEvent,
  type DixaUnknownWebhookEvent,
  type DixaWebhookEvent,
  type DixaWebhookOrganization,
  type DixaWebhookQueue,
  type DixaWebhookTag,
  type DixaWebhookUser,
  type DixaWebhookConversation,
  type DixaWebhookMessageContent,
} from "./events.js";
export {
  signDixaWebhook,
  computeDixaSignature,
  toDixaJson,
  type SignDixaWebhookOptions,
  type SignedDixaWebhook,
} from "./sign.js";
export {
  sampleDixaEvent,
  createDixaTestEvent,
  dixaSamples,
  type DixaSampledEventFqn,
  type DixaSampleEvent,
  type DixaTestEnvelope,
} from "./samples.js";
