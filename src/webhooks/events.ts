/**
 * Typed webhook events: one envelope, discriminated by `event_fqn`, with `data` per event, the
 * objects inside it, and the guards that narrow a received event.
 *
 * How much is known differs per event (see `dixaWebhookEvents`): 7 events have Dixa's field
 * table, 4 are typed from sample payloads only, and for 21 nothing is published; their `data` is
 * an open record, with `conversation` optional where every sibling event carries one (an
 * assumption, not a fact). Nothing in `data` is checked at run time: the types describe what
 * Dixa has been seen to send, and a field Dixa adds later is simply there.
 *
 * The objects' own field tables could not be retrieved from Dixa; every field was read off
 * sample payloads (Dixa's OpenAPI examples, Pipedream's and Dixa's test events, real deliveries
 * published by third parties). Where the samples disagree, or a field appeared in only some of
 * them, the field is optional or nullable and its comment says why. Keys are snake_case, as in
 * the payloads, except where the docs say otherwise. Open string sets (`status`, `channel`...)
 * list the values seen and accept others.
 */
import {
  dixaEventFqn,
  isDixaEventFqn,
  isDixaSubscriptionEventName,
  type DixaEventFqn,
  type DixaEventFqnOf,
  type DixaSubscriptionEventName,
} from "./event-names.js";

/**
 * The envelope of a delivery. Dixa's docs list six fields and every delivery seen so far has
 * them all, but only `event_id` and `event_fqn` are checked: a verified delivery without the
 * others (Dixa's own sample service sends no `organization`) is still delivered, so they are
 * optional here.
 */
export interface DixaWebhookEnvelope<Fqn extends string = string, Data = DixaLooseEventData> {
  /** Id of the event behind the delivery: the same on every redelivery, so the de-duplication key. */
  event_id: string;
  /** Which event this is, e.g. `CONVERSATION_CLOSED`. */
  event_fqn: Fqn;
  /** A string (`"1"` in every sample); what a new version would mean is not documented. */
  event_version?: string;
  /** When the event happened: ISO 8601, UTC, milliseconds, e.g. `2025-01-14T22:01:05.429Z`. */
  event_timestamp?: string;
  /** Absent from the test deliveries of Dixa's own sample service. */
  organization?: DixaWebhookOrganization;
  /**
   * The event's fields. Always an object on a known event (`isKnownDixaEvent` checks it);
   * possibly absent on an unknown one.
   */
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
 * An event this package cannot type: its `event_fqn` is not in the table (a new event type, or
 * one of the 26 inferred names spelt differently by Dixa), or its `data` is not an object.
 * Delivered as is, so a receiver keeps working; check for it with `isKnownDixaEvent` before
 * switching on `event_fqn`.
 */
export interface DixaUnknownWebhookEvent extends Omit<DixaWebhookEnvelope<string>, "data"> {
  data?: DixaLooseEventData;
}

/** What a verified delivery turns into: a known event, or an unknown one passed through. */
export type DixaWebhookEvent = DixaKnownWebhookEvent | DixaUnknownWebhookEvent;

// --- Narrowing -----------------------------------------------------------------------------------

/** The `event_fqn` of an event named either way (subscription name or `event_fqn`). */
export type DixaEventFqnFor<Type extends DixaEventFqn | DixaSubscriptionEventName> =
  Type extends DixaSubscriptionEventName ? DixaEventFqnOf<Type> : Type;

/** What the guards read of an event: any event, known or not, or a parsed delivery. */
export type AnyDixaEvent = { readonly event_fqn: string; readonly data?: unknown };

/** True when the event's `event_fqn` is one of the 32 known ones and its `data` is an object. */
export function isKnownDixaEvent(event: AnyDixaEvent): event is DixaKnownWebhookEvent {
  return isDixaEventFqn(event.event_fqn) && isDataObject(event.data);
}

/**
 * True when the event is of the given type, named either way:
 * `isDixaEvent(event, "ConversationClosed")` or `isDixaEvent(event, "CONVERSATION_CLOSED")`.
 */
export function isDixaEvent<Type extends DixaEventFqn | DixaSubscriptionEventName>(
  event: AnyDixaEvent,
  type: Type,
): event is DixaWebhookEventOf<DixaEventFqnFor<Type>> {
  const fqn = isDixaSubscriptionEventName(type) ? dixaEventFqn[type] : type;
  if (!isDixaEventFqn(fqn)) {
    throw new TypeError(
      `type must be a Dixa event name ("ConversationClosed") or event_fqn ("CONVERSATION_CLOSED"), got ${JSON.stringify(String(type)).slice(0, 80)}`,
    );
  }
  return event.event_fqn === fqn && isDataObject(event.data);
}

/** `data` as every known event has it: an object (not null, not an array). */
export function isDataObject(data: unknown): data is Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}

// --- The objects inside `data` ------------------------------------------------------------------

/** The Dixa organization the event belongs to. */
export interface DixaWebhookOrganization {
  id: string;
  name: string;
}

/** A queue. */
export interface DixaWebhookQueue {
  id: string;
  name: string;
}

/** A tag as it appears in `conversation.tags`. */
export interface DixaWebhookTag {
  id: string;
  name: string;
  is_deactivated: boolean;
}

/** A person: an end user (requester, message author) or an agent (assignee, note author). */
export interface DixaWebhookUser {
  id: string;
  /** Null seen in real deliveries. */
  name: string | null;
  /**
   * A string in every sample; typed nullable because whether it can be null is not documented
   * (an end user reached by phone may have no address).
   */
  email: string | null;
  phone: string | null;
  /** Usually empty; Dixa's example shows `["Enduser"]` or `["Admin", "TeamLead", "SystemAdmin", "Agent"]`. */
  roles: string[];
  /**
   * The kind of Dixa account (`Contact` for end users, `Member` for agents and colleagues), not
   * the role in the conversation. Missing from Dixa's own example, so optional.
   */
  user_type?: "Contact" | "Member" | (string & {});
  /** Seen on some requesters in real deliveries; element shape unknown. */
  additional_emails?: unknown[];
}

/** A conversation, as carried by every conversation event. */
export interface DixaWebhookConversation {
  /** The conversation id (the number the REST API calls the conversation id). */
  csid: number;
  /** Upper snake case, unlike the REST API's PascalCase channels. */
  channel:
    "EMAIL" | "WIDGET_CHAT" | "CONTACT_FORM" | "FACEBOOK_MESSENGER" | "MESSENGER" | (string & {});
  status: "OPEN" | "PENDING" | "CLOSED" | (string & {});
  /** Upper case here; a message's own `direction` is lower case. */
  direction: "INBOUND" | "OUTBOUND" | (string & {});
  /** Null when the conversation is in no queue. */
  queue: DixaWebhookQueue | null;
  /** The Dixa address the contact came in through, e.g. `support@acme.email.dixa.io`. */
  contact_point: string;
  /** The end user. */
  requester: DixaWebhookUser;
  /** Null while unassigned. */
  assignee: DixaWebhookUser | null;
  /** Null seen; real subjects carry HTML entities such as `&amp;`. */
  subject: string | null;
  tags: DixaWebhookTag[];
  /** ISO 8601, UTC, milliseconds, e.g. `2025-01-13T19:48:33.178Z`. */
  created_at: string;
}

/** The content of a message (`CONVERSATION_MESSAGE_ADDED`). */
export interface DixaWebhookMessageContent {
  text: string;
  /** `"Text"` in a hand-made sample, null in real deliveries. */
  content_type: string | null;
  /** In real deliveries a path relative to Dixa (`/private/<org>/email_original_data/...`), not a URL. */
  original_content_url: string | null;
  processed_content_url: string | null;
}
