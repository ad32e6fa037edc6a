/**
 * One object per subscription secret: the secret is checked once (a TypeError at setup, not at
 * the first delivery), its HMAC key imported once, and every way in (raw body, Web Request,
 * Node request) shares the options and the de-duplication store.
 */
import { resolveMaxBodyBytes, type DixaWebhookBodyOptions } from "./body-limit.js";
import { prepareCheck } from "./check-delivery.js";
import type { DixaConstructEventOptions } from "./construct-event.js";
import {
  DEFAULT_DEDUPE_TTL_MS,
  createMemoryDedupeStore,
  type DixaWebhookDedupeStore,
} from "./dedupe-store.js";
import type { DixaKnownWebhookEvent, DixaWebhookEvent } from "./event-types.js";
import type { DixaWebhookHeaders } from "./header-lookup.js";
import type { DixaWebhookRawBody } from "./raw-body.js";
import { readNodeRequestBody, type DixaWebhookNodeRequestLike } from "./read-node-request.js";
import { readRequestBody, type DixaWebhookRequestLike } from "./read-request.js";
import { assertWebhookSecret, importWebhookKey } from "./secret-key.js";
import { resolveVerifyOptions } from "./verify-options.js";

export interface DixaWebhookReceiverOptions<RejectUnknown extends boolean = boolean>
  extends
    Omit<DixaConstructEventOptions, "receivedAt" | "rejectUnknownEvents">,
    DixaWebhookBodyOptions {
  /** The subscription's `secretKey` (hex), as `client.webhooks.create()` returned it. */
  secret: string;
  /** See `constructDixaEvent`; with `true`, every event the receiver returns is a known one. */
  rejectUnknownEvents?: RejectUnknown;
  /** Where seen `event_id`s are kept (default: in memory, this process only). */
  dedupeStore?: DixaWebhookDedupeStore;
  /** How long an `event_id` counts as seen (default 24 hours). */
  dedupeTtlMs?: number;
}

export interface DixaWebhookReceiver<Event extends DixaWebhookEvent = DixaWebhookEvent> {
  /** Verifies a raw body and its headers and returns the event (see `constructDixaEvent`). */
  constructEvent(rawBody: DixaWebhookRawBody, headers: DixaWebhookHeaders): Promise<Event>;
  /** Reads a Fetch API `Request` (up to `maxBodyBytes`), verifies it, returns the event. */
  fromRequest(request: DixaWebhookRequestLike): Promise<Event>;
  /** Reads a Node.js `IncomingMessage` or Express request (up to `maxBodyBytes`), verifies it, returns the event. */
  fromNodeRequest(request: DixaWebhookNodeRequestLike): Promise<Event>;
  /**
   * Records the event's `event_id` and tells whether it was already recorded: true means a
   * redelivery to acknowledge (answer 2xx) without handling it again. Atomic per store.
   */
  isDuplicate(event: { event_id: string }): Promise<boolean>;
  /** Forgets the event, so a redelivery is handled again; call it when handling failed. */
  forget(event: { event_id: string }): Promise<void>;
}

/**
 * Creates a receiver for one subscription.
 * @throws TypeError at once when the secret is not even-length hex or an option is invalid
 */
export function createDixaWebhookReceiver(
  options: DixaWebhookReceiverOptions<true> & { rejectUnknownEvents: true },
): DixaWebhookReceiver<DixaKnownWebhookEvent>;
export function createDixaWebhookReceiver(options: DixaWebhookReceiverOptions): DixaWebhookReceiver;
export function createDixaWebhookReceiver(
  options: DixaWebhookReceiverOptions,
): DixaWebhookReceiver {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`options must be an object with the secret, got ${String(options)}`);
  }
  const { secret, dedupeTtlMs = DEFAULT_DEDUPE_TTL_MS } = options;
  assertWebhookSecret(secret, "options.secret");
  // Validates toleranceMs now; receivedAt is taken per delivery.
  resolveVerifyOptions({ toleranceMs: options.toleranceMs });
  const maxBodyBytes = resolveMaxBodyBytes(options);
  if (typeof dedupeTtlMs !== "number" || !(dedupeTtlMs > 0)) {
    throw new TypeError(
      `options.dedupeTtlMs must be a positive number, got ${String(dedupeTtlMs)}`,
    );
  }
  const store = options.dedupeStore ?? createMemoryDedupeStore();
  if (typeof store.seen !== "function") {
    throw new TypeError("options.dedupeStore must have a seen(id, ttlMs) method");
  }
  const checkOptions: DixaConstructEventOptions = {
    toleranceMs: options.toleranceMs,
    rejectUnknownEvents: options.rejectUnknownEvents ?? false,
  };
  // Imported on first use and kept; a failed import is retried by the next delivery. Once
  // imported, the key is used directly (no await on an already settled promise per delivery).
  let importedKey: CryptoKey | undefined;
  let importing: Promise<CryptoKey> | undefined;
  const withKey = (check: (key: CryptoKey) => Promise<DixaWebhookEvent>) => {
    if (importedKey !== undefined) return check(importedKey);
    importing ??= importWebhookKey(secret).then(
      (key) => (importedKey = key),
      (error: unknown) => {
        importing = undefined;
        throw error;
      },
    );
    return importing.then(check);
  };

  const constructEvent = async (rawBody: DixaWebhookRawBody, headers: DixaWebhookHeaders) =>
    withKey(prepareCheck(rawBody, headers, { ...checkOptions, receivedAt: Date.now() }));

  return {
    constructEvent,
    async fromRequest(request) {
      const receivedAt = Date.now();
      const body = await readRequestBody(request, maxBodyBytes);
      return withKey(prepareCheck(body, request.headers, { ...checkOptions, receivedAt }));
    },
    async fromNodeRequest(request) {
      const receivedAt = Date.now();
      const body = await readNodeRequestBody(request, maxBodyBytes);
      return withKey(prepareCheck(body, request.headers, { ...checkOptions, receivedAt }));
    },
    async isDuplicate(event) {
      return store.seen(eventId(event), dedupeTtlMs);
    },
    async forget(event) {
      await store.forget?.(eventId(event));
    },
  };
}

function eventId(event: { event_id: string }): string {
  const id = (event as { event_id?: unknown } | null)?.event_id;
  if (typeof id !== "string" || id === "") {
    throw new TypeError("event must be a Dixa webhook event with a non-empty event_id");
  }
  return id;
}
