/**
 * The ready handlers' protocol: read and verify a delivery, claim its `event_id`, run the user's
 * function, and answer so that Dixa redelivers exactly what can succeed later:
 *
 * | answer | when                                                                         |
 * | ------ | ---------------------------------------------------------------------------- |
 * | 200    | handled, or a duplicate of an event already handled                           |
 * | 400    | signed, but not a Dixa event (`not-json`, `not-an-event`, `unknown-event`)    |
 * | 401    | not shown to come from Dixa (`missing-header`, `malformed-header`, `stale`, `bad-signature`) |
 * | 413    | over `maxBodyBytes` (`too-large`); reading stopped there                      |
 * | 500    | the user's function failed (its claim released), or the receiver is set up wrong |
 * | 503    | a copy is being handled by another receiver now, or the store is unreachable |
 *
 * Copies of one event arriving together at one receiver wait for the first and answer as it
 * did (a duplicate once it is handled, 500 when it failed), so Dixa's copies never overtake one
 * another. Nothing here throws: every failure becomes an answer and a report.
 */
import { DixaWebhookPayloadError, DixaWebhookSignatureError } from "./errors.js";
import type { DixaWebhookDedupeStore } from "./dedupe.js";

/** What a ready handler answered, and for which event; given to `onError`. */
export interface DixaWebhookAnswer {
  status: number;
  /** The short text sent as the body, e.g. `"bad-signature"` or `"onEvent failed"`. */
  reason: string;
  /** Known once the delivery was verified. */
  eventId?: string;
  eventFqn?: string;
}

export interface DixaWebhookHandlerOptions {
  /**
   * Sees every failure behind an answer: refused deliveries (4xx), your function's error (500),
   * the store's (503, or after the answer when a claim could not be completed or released).
   * Default: one line on `console.error`. It cannot change the answer; if it throws, that is
   * logged and the answer still goes.
   */
  onError?: (error: unknown, answer: DixaWebhookAnswer) => void;
}

/** What a handler sends back, whichever framework carries it: `reason` is the body. */
export interface Answer extends DixaWebhookAnswer {
  headers: Record<string, string>;
}

/** What one handling of an event came to; copies that waited for it answer from it. */
type Outcome = "handled" | "failed" | "busy";

export interface Delivery<Event extends { event_id: string; event_fqn: string }> {
  store: DixaWebhookDedupeStore;
  ttlMs: number;
  leaseMs: number;
  /** Events being handled by this receiver now, by id. */
  inFlight: Map<string, Promise<Outcome>>;
  onEvent: (event: Event) => unknown;
  onError: NonNullable<DixaWebhookHandlerOptions["onError"]>;
}

/** Runs the whole protocol for one delivery; never rejects. */
export async function answerDelivery<Event extends { event_id: string; event_fqn: string }>(
  read: () => Promise<Event>,
  delivery: Delivery<Event>,
): Promise<Answer> {
  let event: Event;
  try {
    event = await read();
  } catch (error) {
    return refused(error, delivery);
  }
  const id = event.event_id;
  const about = { eventId: id, eventFqn: event.event_fqn };
  const earlier = delivery.inFlight.get(id);
  if (earlier !== undefined) return answerFrom(await earlier, about);

  let settle!: (outcome: Outcome) => void;
  // Registered before the first await, so a copy arriving meanwhile waits for this one.
  delivery.inFlight.set(id, new Promise<Outcome>((resolve) => (settle = resolve)));
  try {
    const outcome = await handleOnce(event, delivery, about);
    settle(outcome.outcome);
    return outcome.answer;
  } catch (error) {
    // Not expected (every step above catches its own), but copies waiting must never hang.
    settle("failed");
    const answer = reply(500, "receiver error", about);
    report(delivery, error, answer);
    return answer;
  } finally {
    delivery.inFlight.delete(id);
  }
}

async function handleOnce<Event extends { event_id: string; event_fqn: string }>(
  event: Event,
  delivery: Delivery<Event>,
  about: { eventId: string; eventFqn: string },
): Promise<{ outcome: Outcome; answer: Answer }> {
  const { store } = delivery;
  const id = event.event_id;
  let claim: string;
  // This claim's own: releasing it after a failure must not undo a claim made after this one's
  // lease ran out. A store without claim records with seen, which no release can outlast.
  let token: string | undefined;
  try {
    if (store.claim !== undefined) {
      token = globalThis.crypto.randomUUID();
      claim = await store.claim(id, delivery.leaseMs, token);
    } else {
      claim = (await store.seen(id, delivery.ttlMs)) ? "done" : "claimed";
    }
  } catch (error) {
    const answer = reply(503, "de-duplication store unavailable", about, { "retry-after": "30" });
    report(delivery, error, answer);
    return { outcome: "busy", answer };
  }
  if (claim === "done") return { outcome: "handled", answer: answerFrom("handled", about) };
  if (claim !== "claimed") return { outcome: "busy", answer: answerFrom("busy", about) };
  try {
    await delivery.onEvent(event);
  } catch (error) {
    const answer = reply(500, "onEvent failed", about);
    report(delivery, error, answer);
    try {
      await (token === undefined ? store.forget!(id) : store.forget!(id, token));
    } catch (forgetError) {
      report(delivery, forgetError, { ...answer, reason: "the claim could not be released" });
    }
    return { outcome: "failed", answer };
  }
  const answer = reply(200, "ok", about);
  try {
    await store.complete?.(id, delivery.ttlMs);
  } catch (error) {
    // Handled all the same; the claim's lease runs out instead, after which a redelivery
    // would be handled again.
    report(delivery, error, { ...answer, reason: "the claim could not be completed" });
  }
  return { outcome: "handled", answer };
}

function answerFrom(outcome: Outcome, about: { eventId: string; eventFqn: string }): Answer {
  if (outcome === "handled") return reply(200, "duplicate", about);
  if (outcome === "failed") return reply(500, "onEvent failed", about);
  return reply(503, "being handled by another receiver", about, { "retry-after": "30" });
}

/** The answer for a delivery that could not be read or verified. */
function refused(error: unknown, delivery: { onError: Delivery<never>["onError"] }): Answer {
  let answer: Answer;
  if (error instanceof DixaWebhookSignatureError) answer = reply(401, error.kind);
  else if (error instanceof DixaWebhookPayloadError) {
    answer =
      error.kind === "too-large"
        ? // The rest of the body was not read: close the connection rather than drain it.
          reply(413, error.kind, {}, { connection: "close" })
        : reply(400, error.kind);
  } else if (error instanceof TypeError) {
    // A body parser ran first, or the request is not what the handler takes: the setup, not
    // the delivery, is wrong, and a redelivery can succeed once it is fixed.
    answer = reply(500, "receiver set up wrong");
  } else {
    // The body stopped arriving (the connection dropped): there is nobody to read the answer.
    answer = reply(400, "the body could not be read");
  }
  report(delivery, error, answer);
  return answer;
}

function reply(
  status: number,
  reason: string,
  about: { eventId?: string; eventFqn?: string } = {},
  headers: Record<string, string> = {},
): Answer {
  return {
    status,
    reason,
    ...about,
    headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  };
}

function report(
  delivery: { onError: Delivery<never>["onError"] },
  error: unknown,
  answer: DixaWebhookAnswer,
): void {
  const { status, reason, eventId, eventFqn } = answer;
  const shown: DixaWebhookAnswer = { status, reason };
  if (eventId !== undefined) shown.eventId = eventId;
  if (eventFqn !== undefined) shown.eventFqn = eventFqn;
  try {
    delivery.onError(error, shown);
  } catch (hookError) {
    console.error("dixa-beta/webhooks: the onError hook threw", hookError);
  }
}

/** The default `onError`: one line, and the error itself when it is not one of ours. */
export function logWebhookError(error: unknown, answer: DixaWebhookAnswer): void {
  const about = answer.eventId === undefined ? "" : ` (${answer.eventFqn} ${answer.eventId})`;
  const line = `dixa-beta/webhooks: answered ${answer.status} ${answer.reason}${about}`;
  if (error instanceof DixaWebhookSignatureError || error instanceof DixaWebhookPayloadError) {
    console.error(`${line}: ${error.message}`);
  } else {
    console.error(`${line}:`, error);
  }
}
