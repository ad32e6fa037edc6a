/**
 * Narrowing a received event. `switch (event.event_fqn)` narrows a `DixaKnownWebhookEvent`, but
 * not the full `DixaWebhookEvent`: TypeScript keeps the unknown-event member (whose `event_fqn`
 * is any string) in every branch. Check with `isKnownDixaEvent` first, or test one type with
 * `isDixaEvent`, which takes either name of the event.
 */
import {
  dixaEventFqn,
  isDixaEventFqn,
  isDixaSubscriptionEventName,
  type DixaEventFqn,
  type DixaEventFqnOf,
  type DixaSubscriptionEventName,
} from "./event-names.js";
import type {
  DixaKnownWebhookEvent,
  DixaWebhookEnvelope,
  DixaWebhookEventOf,
} from "./event-types.js";

/** The `event_fqn` of an event named either way (subscription name or `event_fqn`). */
export type DixaEventFqnFor<Type extends DixaEventFqn | DixaSubscriptionEventName> =
  Type extends DixaSubscriptionEventName ? DixaEventFqnOf<Type> : Type;

/** True when the event's `event_fqn` is one of the 32 known ones. */
export function isKnownDixaEvent(
  event: DixaWebhookEnvelope<string, unknown>,
): event is DixaKnownWebhookEvent {
  return isDixaEventFqn(event.event_fqn);
}

/**
 * True when the event is of the given type, named either way:
 * `isDixaEvent(event, "ConversationClosed")` or `isDixaEvent(event, "CONVERSATION_CLOSED")`.
 */
export function isDixaEvent<Type extends DixaEventFqn | DixaSubscriptionEventName>(
  event: DixaWebhookEnvelope<string, unknown>,
  type: Type,
): event is DixaWebhookEventOf<DixaEventFqnFor<Type>> {
  const fqn = isDixaSubscriptionEventName(type) ? dixaEventFqn[type] : type;
  if (!isDixaEventFqn(fqn)) {
    throw new TypeError(
      `type must be a Dixa event name ("ConversationClosed") or event_fqn ("CONVERSATION_CLOSED"), got ${JSON.stringify(String(type)).slice(0, 80)}`,
    );
  }
  return event.event_fqn === fqn;
}
