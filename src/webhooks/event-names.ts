/**
 * Dixa names each event twice: the subscription API takes PascalCase names
 * (`ConversationMessageAdded`, in `client.webhooks.create({ events })`), and each delivery says
 * which event it is in `event_fqn`, upper snake case (`CONVERSATION_MESSAGE_ADDED`). The OpenAPI
 * description lists the 32 subscription names only in prose (generated types say `string`), so
 * the table is kept here by hand; a test checks it against the generated types' list.
 *
 * Only 6 of the 32 `event_fqn` values have been seen in a payload ("observed"); the other 26
 * follow the rule Dixa's docs state (upper-case words joined by "_") and are "inferred". The
 * shakiest are `CONVERSATION_END_USER_REPLACED` (the docs write "Enduser") and the four
 * `SLA_EVALUATION_*`. If Dixa spells one differently, those deliveries arrive as unknown
 * events (not rejected, unless asked) and this table is the one place to fix.
 */

/** One row: both names of an event and how much is known about it. */
export interface DixaWebhookEventInfo {
  /** The name the subscription API uses. */
  readonly subscriptionName: string;
  /** The `event_fqn` of its deliveries. */
  readonly eventFqn: string;
  /** Whether a payload with this `event_fqn` has been seen, or the name is derived. */
  readonly fqn: "observed" | "inferred";
  /**
   * Where the `data` fields come from: Dixa's field table (read in full), sample payloads only,
   * or nowhere (then `data` is typed loosely).
   */
  readonly fields: "documented" | "from-samples" | "unknown";
}

/** The 32 events of the subscription API, in the order of Dixa's event list. */
export const dixaWebhookEvents = [
  {
    subscriptionName: "ConversationCreated",
    eventFqn: "CONVERSATION_CREATED",
    fqn: "observed",
    fields: "documented",
  },
  {
    subscriptionName: "ConversationOpen",
    eventFqn: "CONVERSATION_OPEN",
    fqn: "inferred",
    fields: "documented",
  },
  {
    subscriptionName: "ConversationPending",
    eventFqn: "CONVERSATION_PENDING",
    fqn: "observed",
    fields: "documented",
  },
  {
    subscriptionName: "ConversationPendingExpired",
    eventFqn: "CONVERSATION_PENDING_EXPIRED",
    fqn: "inferred",
    fields: "documented",
  },
  {
    subscriptionName: "ConversationClosed",
    eventFqn: "CONVERSATION_CLOSED",
    fqn: "inferred",
    fields: "documented",
  },
  {
    subscriptionName: "ConversationAbandoned",
    eventFqn: "CONVERSATION_ABANDONED",
    fqn: "inferred",
    fields: "documented",
  },
  {
    subscriptionName: "ConversationEnqueued",
    eventFqn: "CONVERSATION_ENQUEUED",
    fqn: "inferred",
    fields: "documented",
  },
  {
    subscriptionName: "ConversationAssigned",
    eventFqn: "CONVERSATION_ASSIGNED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationUnassigned",
    eventFqn: "CONVERSATION_UNASSIGNED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationNoteAdded",
    eventFqn: "CONVERSATION_NOTE_ADDED",
    fqn: "observed",
    fields: "from-samples",
  },
  {
    subscriptionName: "ConversationMessageAdded",
    eventFqn: "CONVERSATION_MESSAGE_ADDED",
    fqn: "observed",
    fields: "from-samples",
  },
  {
    subscriptionName: "ConversationTagAdded",
    eventFqn: "CONVERSATION_TAG_ADDED",
    fqn: "observed",
    fields: "from-samples",
  },
  {
    subscriptionName: "ConversationTagRemoved",
    eventFqn: "CONVERSATION_TAG_REMOVED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationRated",
    eventFqn: "CONVERSATION_RATED",
    fqn: "observed",
    fields: "from-samples",
  },
  {
    subscriptionName: "ConversationTransferred",
    eventFqn: "CONVERSATION_TRANSFERRED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationEndUserReplaced",
    eventFqn: "CONVERSATION_END_USER_REPLACED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationCustomAttributeUpdated",
    eventFqn: "CONVERSATION_CUSTOM_ATTRIBUTE_UPDATED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "AgentBannedEnduser",
    eventFqn: "AGENT_BANNED_ENDUSER",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "AgentUnbannedEnduser",
    eventFqn: "AGENT_UNBANNED_ENDUSER",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "AgentBannedIp",
    eventFqn: "AGENT_BANNED_IP",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "AgentUnbannedIp",
    eventFqn: "AGENT_UNBANNED_IP",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "TypingStarted",
    eventFqn: "TYPING_STARTED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "SLAEvaluationPending",
    eventFqn: "SLA_EVALUATION_PENDING",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "SLAEvaluationBreached",
    eventFqn: "SLA_EVALUATION_BREACHED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "SLAEvaluationAchieved",
    eventFqn: "SLA_EVALUATION_ACHIEVED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "SLAEvaluationVoided",
    eventFqn: "SLA_EVALUATION_VOIDED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationMessageDeliveryDelivered",
    eventFqn: "CONVERSATION_MESSAGE_DELIVERY_DELIVERED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationMessageDeliveryInfo",
    eventFqn: "CONVERSATION_MESSAGE_DELIVERY_INFO",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationMessageDeliveryFailed",
    eventFqn: "CONVERSATION_MESSAGE_DELIVERY_FAILED",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationMessageDeliverySeen",
    eventFqn: "CONVERSATION_MESSAGE_DELIVERY_SEEN",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationMessageDeliverySent",
    eventFqn: "CONVERSATION_MESSAGE_DELIVERY_SENT",
    fqn: "inferred",
    fields: "unknown",
  },
  {
    subscriptionName: "ConversationMessageDeliverySpamComplaint",
    eventFqn: "CONVERSATION_MESSAGE_DELIVERY_SPAM_COMPLAINT",
    fqn: "inferred",
    fields: "unknown",
  },
] as const satisfies readonly DixaWebhookEventInfo[];

/** One row of `dixaWebhookEvents`, with its literal names. */
export type DixaWebhookEventRow = (typeof dixaWebhookEvents)[number];

/** A name the subscription API accepts in `events` (e.g. `"ConversationClosed"`). */
export type DixaSubscriptionEventName = DixaWebhookEventRow["subscriptionName"];
/** A known `event_fqn` (e.g. `"CONVERSATION_CLOSED"`). */
export type DixaEventFqn = DixaWebhookEventRow["eventFqn"];
/** The `event_fqn` of the events subscribed to as `Name`. */
export type DixaEventFqnOf<Name extends DixaSubscriptionEventName> = Extract<
  DixaWebhookEventRow,
  { subscriptionName: Name }
>["eventFqn"];
/** The subscription name of the events whose `event_fqn` is `Fqn`. */
export type DixaSubscriptionNameOf<Fqn extends DixaEventFqn> = Extract<
  DixaWebhookEventRow,
  { eventFqn: Fqn }
>["subscriptionName"];

/** `dixaEventFqn.ConversationClosed === "CONVERSATION_CLOSED"`, typed as that literal. */
export const dixaEventFqn = Object.freeze(
  Object.fromEntries(dixaWebhookEvents.map((row) => [row.subscriptionName, row.eventFqn])),
) as { readonly [Name in DixaSubscriptionEventName]: DixaEventFqnOf<Name> };

/** `dixaSubscriptionName.CONVERSATION_CLOSED === "ConversationClosed"`, typed as that literal. */
export const dixaSubscriptionName = Object.freeze(
  Object.fromEntries(dixaWebhookEvents.map((row) => [row.eventFqn, row.subscriptionName])),
) as { readonly [Fqn in DixaEventFqn]: DixaSubscriptionNameOf<Fqn> };

const byFqn = new Map<string, DixaWebhookEventRow>(
  dixaWebhookEvents.map((row) => [row.eventFqn, row]),
);
const byName = new Map<string, DixaWebhookEventRow>(
  dixaWebhookEvents.map((row) => [row.subscriptionName, row]),
);

/** True when `value` is one of the 32 known `event_fqn` values. */
export function isDixaEventFqn(value: unknown): value is DixaEventFqn {
  return typeof value === "string" && byFqn.has(value);
}

/** True when `value` is one of the 32 subscription event names. */
export function isDixaSubscriptionEventName(value: unknown): value is DixaSubscriptionEventName {
  return typeof value === "string" && byName.has(value);
}

/** The `event_fqn` for a subscription name; a TypeError for a name Dixa does not list. */
export function toDixaEventFqn<Name extends DixaSubscriptionEventName>(
  subscriptionName: Name,
): DixaEventFqnOf<Name> {
  const row = byName.get(subscriptionName);
  if (row === undefined) {
    throw new TypeError(
      `subscriptionName must be one of Dixa's ${dixaWebhookEvents.length} webhook event names (e.g. "ConversationClosed"), got ${JSON.stringify(String(subscriptionName)).slice(0, 80)}`,
    );
  }
  return row.eventFqn as DixaEventFqnOf<Name>;
}

/** The subscription name for a known `event_fqn`, or undefined for one this table lacks. */
export function toDixaSubscriptionName<Fqn extends DixaEventFqn>(
  eventFqn: Fqn,
): DixaSubscriptionNameOf<Fqn>;
export function toDixaSubscriptionName(eventFqn: string): DixaSubscriptionEventName | undefined;
export function toDixaSubscriptionName(eventFqn: string): DixaSubscriptionEventName | undefined {
  return byFqn.get(eventFqn)?.subscriptionName;
}
