/**
 * The objects inside Dixa webhook payloads. Dixa's own field tables for these objects could not
 * be retrieved; every field below was read off sample payloads (Dixa's OpenAPI examples,
 * Pipedream's and Dixa's test events, real deliveries published by third parties). Where the
 * samples disagree, or a field appeared in only some of them, the field is optional or
 * nullable and its comment says why. Keys are snake_case, as in the payloads, except where the
 * docs say otherwise. Open string sets (`status`, `channel`...) list the values seen and accept
 * others.
 */

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
