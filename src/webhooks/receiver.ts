/**
 * One object per subscription secret: the secret is checked once (a TypeError at setup, not at
 * the first delivery), its HMAC key imported once, and every way in (raw body, Web Request,
 * Node request, the two ready handlers) shares the options and the de-duplication store.
 */
import {
  readNodeRequestBody,
  readRequestBody,
  resolveMaxBodyBytes,
  type DixaWebhookBodyOptions,
  type DixaWebhookNodeRequestLike,
  type DixaWebhookRequestLike,
} from "./adapters.js";
import { prepareCheck, type DixaConstructEventOptions } from "./construct-event.js";
import {
  DEFAULT_DEDUPE_LEASE_MS,
  DEFAULT_DEDUPE_TTL_MS,
  createMemoryDedupeStore,
  type DixaWebhookDedupeStore,
} from "./dedupe.js";
import type { DixaKnownWebhookEvent, DixaWebhookEvent } from "./events.js";
import {
  answerDelivery,
  logWebhookError,
  type Answer,
  type Delivery,
  type DixaWebhookHandlerOptions,
} from "./handlers.js";
import {
  importSigner,
  resolveVerifyOptions,
  webhookSecret,
  type DixaWebhookHeaders,
  type DixaWebhookRawBody,
  type Signer,
} from "./verify.js";

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
  /**
   * How long the ready handlers hold an event's claim while your function runs (default 5
   * minutes): past it, a redelivery is handled again. Needs a store with `claim`.
   */
  dedupeLeaseMs?: number;
}

/** What a Node.js `ServerResponse` (and Express's, and Fastify's `reply.raw`) offers the handler. */
export interface DixaWebhookNodeResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
  readonly headersSent?: boolean;
}

export interface DixaWebhookReceiver<Event extends DixaWebhookEvent = DixaWebhookEvent> {
  /** Verifies a raw body and its headers and returns the event (see `constructDixaEvent`). */
  constructEvent(rawBody: DixaWebhookRawBody, headers: DixaWebhookHeaders): Promise<Event>;
  /** Reads a Fetch API `Request` (up to `maxBodyBytes`), verifies it, returns the event. */
  fromRequest(request: DixaWebhookRequestLike): Promise<Event>;
  /** Reads a Node.js `IncomingMessage` or Express request (up to `maxBodyBytes`), verifies it, returns the event. */
  fromNodeRequest(request: DixaWebhookNodeRequestLike): Promise<Event>;
  /**
   * A handler for the Fetch API (Next.js route handlers, Hono's `c.req.raw`, Workers, Deno,
   * Bun): verifies, de-duplicates, calls `onEvent` and answers 200 (handled, or a duplicate),
   * 401 (signature), 400 (not an event), 413 (too large), 500 (`onEvent` failed: its claim is
   * released, so Dixa's redelivery is handled) or 503 (a copy is being handled elsewhere, or the
   * store is down). Never rejects.
   */
  fetchHandler(
    onEvent: (event: Event) => unknown,
    options?: DixaWebhookHandlerOptions,
  ): (request: DixaWebhookRequestLike) => Promise<Response>;
  /**
   * The same for Node.js: `node:http`, Express and Fastify (`reply.raw`) with no body parser in
   * front of the route (or one that leaves the raw bytes, such as `express.raw()`).
   */
  nodeHandler(
    onEvent: (event: Event) => unknown,
    options?: DixaWebhookHandlerOptions,
  ): (request: DixaWebhookNodeRequestLike, response: DixaWebhookNodeResponseLike) => void;
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
 *
 * ```ts
 * import { createDixaWebhookReceiver } from "dixa-beta/webhooks";
 *
 * const receiver = createDixaWebhookReceiver({ secret: process.env.DIXA_WEBHOOK_SECRET! });
 * export const POST = receiver.fetchHandler(async (event) => {
 *   console.log(event.event_fqn, event.event_id);
 * });
 * ```
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
  const secret = webhookSecret(options.secret, "options.secret");
  // Validates toleranceMs now; receivedAt is taken per delivery.
  resolveVerifyOptions({ toleranceMs: options.toleranceMs });
  const maxBodyBytes = resolveMaxBodyBytes(options);
  const ttlMs = positiveMs(options.dedupeTtlMs ?? DEFAULT_DEDUPE_TTL_MS, "dedupeTtlMs");
  const leaseMs = positiveMs(options.dedupeLeaseMs ?? DEFAULT_DEDUPE_LEASE_MS, "dedupeLeaseMs");
  const store = options.dedupeStore ?? createMemoryDedupeStore();
  if (typeof store.seen !== "function") {
    throw new TypeError("options.dedupeStore must have a seen(id, ttlMs) method");
  }
  const checkOptions: DixaConstructEventOptions = {
    toleranceMs: options.toleranceMs,
    rejectUnknownEvents: options.rejectUnknownEvents ?? false,
  };
  // Imported on first use and kept; a failed import is retried by the next delivery. Once
  // imported, the signer is used directly (no await on an already settled promise).
  let signer: Signer | undefined;
  let importing: Promise<Signer> | undefined;
  const withSigner = (check: (sign: Signer) => Promise<DixaWebhookEvent>) => {
    if (signer !== undefined) return check(signer);
    importing ??= importSigner(secret).then(
      (imported) => (signer = imported),
      (error: unknown) => {
        importing = undefined;
        throw error;
      },
    );
    return importing.then(check);
  };
  const received = (body: unknown, headers: unknown, receivedAt: number) =>
    withSigner(prepareCheck(body, headers, { ...checkOptions, receivedAt }));
  const fromRequest = async (request: DixaWebhookRequestLike) => {
    const receivedAt = Date.now();
    return received(await readRequestBody(request, maxBodyBytes), request.headers, receivedAt);
  };
  const fromNodeRequest = async (request: DixaWebhookNodeRequestLike) => {
    const receivedAt = Date.now();
    return received(await readNodeRequestBody(request, maxBodyBytes), request.headers, receivedAt);
  };
  // Shared by every handler of this receiver, so copies reaching two of them still meet.
  const inFlight: Delivery<DixaWebhookEvent>["inFlight"] = new Map();
  const delivery = (
    onEvent: (event: DixaWebhookEvent) => unknown,
    handlerOptions: DixaWebhookHandlerOptions | undefined,
  ): Delivery<DixaWebhookEvent> => {
    if (typeof onEvent !== "function") {
      throw new TypeError("onEvent must be a function that handles one event");
    }
    if (typeof store.forget !== "function") {
      throw new TypeError(
        "options.dedupeStore needs a forget(id) method for the ready handlers: without it, an event whose onEvent failed would stay marked as seen and Dixa's redelivery would be dropped",
      );
    }
    const onError = handlerOptions?.onError ?? logWebhookError;
    if (typeof onError !== "function") throw new TypeError("options.onError must be a function");
    return { store, ttlMs, leaseMs, inFlight, onEvent, onError };
  };

  return {
    constructEvent: async (rawBody, headers) => received(rawBody, headers, Date.now()),
    fromRequest,
    fromNodeRequest,
    fetchHandler(onEvent, handlerOptions) {
      const settings = delivery(onEvent, handlerOptions);
      return async (request) => {
        const answer = await answerDelivery(() => fromRequest(request), settings);
        return new Response(answer.reason, { status: answer.status, headers: answer.headers });
      };
    },
    nodeHandler(onEvent, handlerOptions) {
      const settings = delivery(onEvent, handlerOptions);
      return (request, response) => {
        void answerDelivery(() => fromNodeRequest(request), settings).then((answer) =>
          send(response, answer, settings.onError),
        );
      };
    },
    async isDuplicate(event) {
      return store.seen(eventId(event), ttlMs);
    },
    async forget(event) {
      await store.forget?.(eventId(event));
    },
  };
}

/** Writes the answer unless something else already did; a failure to write is reported. */
function send(
  response: DixaWebhookNodeResponseLike,
  answer: Answer,
  onError: NonNullable<DixaWebhookHandlerOptions["onError"]>,
): void {
  try {
    if (response.headersSent) return;
    response.writeHead(answer.status, answer.headers);
    response.end(answer.reason);
  } catch (error) {
    try {
      onError(error, { status: answer.status, reason: "the answer could not be written" });
    } catch {
      console.error("dixa-beta/webhooks: the answer could not be written", error);
    }
  }
}

function positiveMs(value: unknown, name: string): number {
  if (typeof value !== "number" || !(value > 0)) {
    throw new TypeError(`options.${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

function eventId(event: { event_id: string }): string {
  const id = (event as { event_id?: unknown } | null)?.event_id;
  if (typeof id !== "string" || id === "") {
    throw new TypeError("event must be a Dixa webhook event with a non-empty event_id");
  }
  return id;
}
