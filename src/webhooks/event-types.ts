/**
 * Typed webhook events: one envelope, discriminated by `event_fqn`, with `data` per event.
 *
 * How much is known differs per event (see `dixaWebhookEvents`): 7 events have Dixa's field
 * table, 4 are typed from sample payloads only, and for 21 nothing is published; their `data` is
 * an open record, with `conversation` optional where every sibling event carries one (an
 * assumption, not a fact). Nothing in `data` is checked at run time: the types describe what
 * Dixa has been seen to send, and a field Dixa adds later is simply there.
 */
import type {
  DixaWebhookConversation,
  DixaWebhookMessageContent,
  DixaWebhookOrganization,
  DixaWebhookQueue,
  DixaWebhookUser,
} from "./event-objects.js";
import type { DixaEventFqn, DixaEventFqnOf, DixaSubscriptionEventName } from "./event-names.js";

/** The envelope every delivery has, per Dixa's docs. */
export interface DixaWebhookEnvelope<Fqn extends string = string, Data = DixaLooseEventData> {
  /** Id of the event behind the delivery: the same on every redelivery, so the de-duplication key. */
  event_id: string;
  /** Which event this is, e.g. `CONVERSATION_CLOSED`. */
  event_fqn: Fqn;
  /** A string (`"1"` in every sample); what a new version would mean is not documented. */
  event_version: string;
  /** When the event happened: ISO 8601, UTC, milliseconds, e.g. `2025-01-14T22:01:05.429Z`. */
  event_timestamp: string;
  organization: DixaWebhookOrganization;
  data: Data;
}

/** `data` of an event whose fields are not published: any fields, none promised. */
export type DixaLooseEventData = {
  readonly [field: string]: unknown;
};

/**
 * `data` of a conversation event whose field table is not published. Every conversation event
 * with a known layout carries `conversation`, so this one very likely does too (unconfirmed).
 */
export type DixaAssumedConversationEventData = DixaLooseEventData & {
  conversation?: DixaWebhookConversation;
};

/** `data` of the events whose table lists only the conversation (Dixa's docs). */
export type DixaConversationEventData = {
  conversation: DixaWebhookConversation;
};

/** `CONVERSATION_PENDING_EXPIRED` (Dixa's docs). */
export type DixaConversationPendingExpiredData = DixaConversationEventData & {
  /**
   * The agent who set the conversation pending, when known. camelCase in Dixa's table, unlike
   * every other key; never seen in a payload, so its real spelling is unconfirmed.
   */
  pendingByUser?: DixaWebhookUser;
};

/** `CONVERSATION_ABANDONED`: closed before any agent was assigned (Dixa's docs). */
export type DixaConversationAbandonedData = DixaConversationEventData & {
  /** The conversation's queue (documented, never seen in a payload). */
  queue: DixaWebhookQueue;
};

/** `CONVERSATION_NOTE_ADDED` (from Dixa's OpenAPI example only). */
export type DixaConversationNoteAddedData = DixaConversationEventData & {
  note_id: string;
  text: string;
  created_at: string;
  author: DixaWebhookUser;
};

/** `CONVERSATION_MESSAGE_ADDED` (from sample and real payloads). */
export type DixaConversationMessageAddedData = DixaConversationEventData & {
  /** The agent for outbound messages, the end user for inbound ones. */
  author: DixaWebhookUser;
  message_id: string;
  /** The text; for email, a plain-text rendering. Equal to `content.text` in every sample. */
  text: string;
  /** Lower case here, unlike `conversation.direction`. */
  direction: "inbound" | "outbound" | (string & {});
  /** Upper snake case, e.g. `EMAIL`. */
  channel: string;
  created_at: string;
  content: DixaWebhookMessageContent;
  /** Always empty in the payloads seen and absent from one sample; element shape unknown. */
  attachments?: unknown[];
  /** Null in real deliveries (one hand-made sample has the string `"null"`). */
  external_id: string | null;
};

/** `CONVERSATION_TAG_ADDED` (from one hand-made sample). */
export type DixaConversationTagAddedData = DixaConversationEventData & {
  author: DixaWebhookUser;
  /** The tag's name as a plain string; `conversation.tags` holds the tag object. */
  tag: string;
};

/**
 * `CONVERSATION_RATED`: a rating, or a comment on one (each fires its own delivery). The two
 * samples disagree on where `score` and `type` sit (in `data` or in `data.conversation`) and
 * neither is a real delivery, so every rating field is optional, in both places.
 */
export type DixaConversationRatedData = {
  conversation: DixaWebhookConversation & { score?: number; type?: "Csat" | (string & {}) };
  /** The agent rated. */
  agent?: DixaWebhookUser;
  /** 1-5 in Dixa's sample service. */
  score?: number;
  comment?: string;
  type?: "Csat" | (string & {});
};

/** `data` for each known `event_fqn`. */
export interface DixaEventDataByFqn {
  CONVERSATION_CREATED: DixaConversationEventData;
  CONVERSATION_OPEN: DixaConversationEventData;
  CONVERSATION_PENDING: DixaConversationEventData;
  CONVERSATION_PENDING_EXPIRED: DixaConversationPendingExpiredData;
  CONVERSATION_CLOSED: DixaConversationEventData;
  CONVERSATION_ABANDONED: DixaConversationAbandonedData;
  CONVERSATION_ENQUEUED: DixaConversationEventData;
  CONVERSATION_ASSIGNED: DixaAssumedConversationEventData;
  CONVERSATION_UNASSIGNED: DixaAssumedConversationEventData;
  CONVERSATION_NOTE_ADDED: DixaConversationNoteAddedData;
  CONVERSATION_MESSAGE_ADDED: DixaConversationMessageAddedData;
  CONVERSATION_TAG_ADDED: DixaConversationTagAddedData;
  CONVERSATION_TAG_REMOVED: DixaAssumedConversationEventData;
  CONVERSATION_RATED: DixaConversationRatedData;
  CONVERSATION_TRANSFERRED: DixaAssumedConversationEventData;
  CONVERSATION_END_USER_REPLACED: DixaAssumedConversationEventData;
  CONVERSATION_CUSTOM_ATTRIBUTE_UPDATED: DixaAssumedConversationEventData;
  AGENT_BANNED_ENDUSER: DixaLooseEventData;
  AGENT_UNBANNED_ENDUSER: DixaLooseEventData;
  AGENT_BANNED_IP: DixaLooseEventData;
  AGENT_UNBANNED_IP: DixaLooseEventData;
  TYPING_STARTED: DixaLooseEventData;
  SLA_EVALUATION_PENDING: DixaLooseEventData;
  SLA_EVALUATION_BREACHED: DixaLooseEventData;
  SLA_EVALUATION_ACHIEVED: DixaLooseEventData;
  SLA_EVALUATION_VOIDED: DixaLooseEventData;
  CONVERSATION_MESSAGE_DELIVERY_DELIVERED: DixaLooseEventData;
  CONVERSATION_MESSAGE_DELIVERY_INFO: DixaLooseEventData;
  CONVERSATION_MESSAGE_DELIVERY_FAILED: DixaLooseEventData;
  CONVERSATION_MESSAGE_DELIVERY_SEEN: DixaLooseEventData;
  CONVERSATION_MESSAGE_DELIVERY_SENT: DixaLooseEventData;
  CONVERSATION_MESSAGE_DELIVERY_SPAM_COMPLAINT: DixaLooseEventData;
}

/** The event whose `event_fqn` is `Fqn`, e.g. `DixaWebhookEventOf<"CONVERSATION_CLOSED">`. */
export type DixaWebhookEventOf<Fqn extends DixaEventFqn> = DixaWebhookEnvelope<
  Fqn,
  DixaEventDataByFqn[Fqn]
>;

/** The event subscribed to as `Name`, e.g. `DixaWebhookEventNamed<"ConversationClosed">`. */
export type DixaWebhookEventNamed<Name extends DixaSubscriptionEventName> = DixaWebhookEventOf<
  DixaEventFqnOf<Name>
>;

/** Any of the 32 known events; `switch (event.event_fqn)` narrows it. */
export type DixaKnownWebhookEvent = {
  [Fqn in DixaEventFqn]: DixaWebhookEventOf<Fqn>;
}[DixaEventFqn];

/**
 * An event whose `event_fqn` is not in the table (a new event type, or one of the 26 inferred
 * names spelt differently by Dixa). Delivered as is, so a receiver keeps working; check for it
 * with `isKnownDixaEvent` before switching on `event_fqn`.
 */
export type DixaUnknownWebhookEvent = DixaWebhookEnvelope<string, DixaLooseEventData>;

/** What a verified delivery turns into: a known event, or an unknown one passed through. */
export type DixaWebhookEvent = DixaKnownWebhookEvent | DixaUnknownWebhookEvent;
