import type { DixaApi } from "../api.js";
import type { Paginated } from "../paginate.js";

import type {
  CallOptions,
  ListItem,
  ListQuery,
  QueryParams,
  RequestBody,
  ResponseData,
} from "../types.js";
import {
  assertBoolean,
  assertConversationId,
  assertCustomAttributeValues,
  assertNonEmptyString,
  assertObject,
  assertTimestamp,
  assertUuid,
  describeValue,
  ifPresent,
} from "../validate.js";
import { assertContent, assertMessageInput, type WithTypeTags } from "./messages.js";

/** A conversation; its shape depends on the channel and is tagged by `_type`. */
export type Conversation = ResponseData<"/beta/conversations/{conversationId}", "get">;
/**
 * A new conversation: `Callback`, `Chat`, `ContactForm`, `Email` or `Sms`. Send `_type` with
 * the kind (and on the first message and its content), as Dixa's examples do: `Email` and
 * `ContactForm` cannot be told apart otherwise.
 */
export type CreateConversationInput = WithTypeTags<RequestBody<"/beta/conversations", "post">>;
/** What Dixa answers to a created conversation: its id. */
export type CreatedConversation = ResponseData<"/beta/conversations", "post">;
/**
 * A conversation that already happened elsewhere, with its messages. Tag each message
 * `_type: "InboundImport"` or `"OutboundImport"` (and its content), as Dixa's examples do.
 */
export type ImportConversationInput = WithTypeTags<
  RequestBody<"/beta/conversations/import", "post">
>;
/** The imported conversation's id, and what could not be imported (`partialErrors`). */
export type ImportedConversation = ResponseData<"/beta/conversations/import", "post">;
/** Custom attribute values keyed by the custom attribute's id (a UUID). */
export type ConversationCustomAttributesInput = RequestBody<
  "/beta/conversations/{conversationId}/custom-attributes",
  "patch"
>;
export type ConversationCustomAttribute = ListItem<
  "/beta/conversations/{conversationId}/custom-attributes",
  "patch"
>;
export type CloseConversationInput = RequestBody<
  "/beta/conversations/{conversationId}/close",
  "put"
>;
export type ReopenConversationInput = RequestBody<
  "/beta/conversations/{conversationId}/reopen",
  "put"
>;
export type FollowUpConversationInput = RequestBody<
  "/beta/conversations/{conversationId}/followup",
  "put"
>;
export type TransferConversationInput = RequestBody<
  "/beta/conversations/{conversationId}/transfer/queue",
  "put"
>;
export type ClaimConversationInput = RequestBody<
  "/beta/conversations/{conversationId}/claim",
  "put"
>;
export type LinkConversationInput = RequestBody<"/beta/conversations/{conversationId}/link", "put">;
/**
 * One activity log entry. Read the kind from `_type` (`"ConversationAssigned"`, ...): the
 * deprecated `activityType` arrives as a string though the spec types it as an object.
 */
export type ConversationActivityLogEntry = ListItem<"/beta/conversations/activitylog", "get">;
/** Time window and page size of `conversations.listOrganizationActivityLog`. */
export type ListOrganizationActivityLogQuery = ListQuery<"/beta/conversations/activitylog", "get">;
export type ConversationFlow = ListItem<"/beta/conversations/flows", "get">;
export type ListConversationFlowsQuery = QueryParams<"/beta/conversations/flows", "get">;
export type AnonymizeConversationQuery = QueryParams<
  "/beta/conversations/{conversationId}/anonymize",
  "patch"
>;
/**
 * The queued anonymization request Dixa answers with (202). Read the kind from `_type`: the
 * deprecated `entityType` arrives as a string (`"ConversationAnonymizationType"`) though the spec types it as an object.
 */
export type ConversationAnonymizationRequest = ResponseData<
  "/beta/conversations/{conversationId}/anonymize",
  "patch"
>;

/** Conversations: create, import, read, route and change their state. */
export class ConversationsResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Fetches one conversation by id, custom attributes included.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationid
   */
  async get(conversationId: number, options?: CallOptions): Promise<Conversation> {
    assertConversationId(conversationId);
    return this.api.data(
      "get",
      "/beta/conversations/{conversationId}",
      { params: { path: { conversationId } } },
      options,
    );
  }

  /**
   * Starts a conversation on a channel. An inbound first message is authored by the
   * requester; an outbound one by the agent in its `agentId`. Dixa has no idempotency key, so
   * after a server error or a dropped connection this is not replayed (unless the client sets
   * `retry.retryUnsafeMethods`): a replay could create a second conversation.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversations
   */
  async create(
    conversation: CreateConversationInput,
    options?: CallOptions,
  ): Promise<CreatedConversation> {
    assertCreateConversation(conversation, "conversation");
    return this.api.data("post", "/beta/conversations", { body: conversation }, options);
  }

  /**
   * Imports a conversation that already happened elsewhere (a bot's chat history, an old
   * mailbox), messages included. The answer lists what could not be imported in
   * `partialErrors`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversationsimport
   */
  async import(
    conversation: ImportConversationInput,
    options?: CallOptions,
  ): Promise<ImportedConversation> {
    assertImportConversation(conversation, "conversation");
    return this.api.data("post", "/beta/conversations/import", { body: conversation }, options);
  }

  /**
   * Closes a conversation, optionally on behalf of the agent or admin in `userId`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidclose
   */
  async close(
    conversationId: number,
    input: CloseConversationInput = {},
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertObject(input, "input");
    ifPresent(input["userId"], "input.userId", assertUuid);
    return this.api.void(
      "put",
      "/beta/conversations/{conversationId}/close",
      { params: { path: { conversationId } }, body: input },
      options,
    );
  }

  /**
   * Reopens a conversation and offers it again in its queue (the organization's default queue
   * when it has none), optionally on behalf of the agent or admin in `userId`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidreopen
   */
  async reopen(
    conversationId: number,
    input: ReopenConversationInput = {},
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertObject(input, "input");
    ifPresent(input["userId"], "input.userId", assertUuid);
    return this.api.void(
      "put",
      "/beta/conversations/{conversationId}/reopen",
      { params: { path: { conversationId } }, body: input },
      options,
    );
  }

  /**
   * Puts a conversation in follow-up until `timestamp` (an ISO 8601 date-time), optionally on
   * behalf of the agent or admin in `userId`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidfollowup
   */
  async followUp(
    conversationId: number,
    followUp: FollowUpConversationInput,
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertObject(followUp, "followUp");
    assertTimestamp(followUp["timestamp"], "followUp.timestamp");
    ifPresent(followUp["userId"], "followUp.userId", assertUuid);
    return this.api.void(
      "put",
      "/beta/conversations/{conversationId}/followup",
      { params: { path: { conversationId } }, body: followUp },
      options,
    );
  }

  /**
   * Moves a conversation to the queue in `queueId`, optionally as the agent or admin in
   * `userId`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidtransferqueue
   */
  async transferToQueue(
    conversationId: number,
    transfer: TransferConversationInput,
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertObject(transfer, "transfer");
    assertUuid(transfer["queueId"], "transfer.queueId");
    ifPresent(transfer["userId"], "transfer.userId", assertUuid);
    return this.api.void(
      "put",
      "/beta/conversations/{conversationId}/transfer/queue",
      { params: { path: { conversationId } }, body: transfer },
      options,
    );
  }

  /**
   * Assigns a conversation to the agent in `agentId`. With `force: false`, a conversation
   * already assigned to someone else is not taken over (Dixa answers 409).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidclaim
   */
  async claim(
    conversationId: number,
    claim: ClaimConversationInput,
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertObject(claim, "claim");
    assertUuid(claim["agentId"], "claim.agentId");
    ifPresent(claim["force"], "claim.force", assertBoolean);
    return this.api.void(
      "put",
      "/beta/conversations/{conversationId}/claim",
      { params: { path: { conversationId } }, body: claim },
      options,
    );
  }

  /**
   * Makes a conversation the child of the conversation in `parentId`, with a link type such
   * as `"SideConversation"`. A parent takes at most 100 children, a child has one parent, and
   * a child cannot have children of its own.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidlink
   */
  async link(
    conversationId: number,
    link: LinkConversationInput,
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertObject(link, "link");
    assertConversationId(link["parentId"], "link.parentId");
    assertNonEmptyString(link["linkType"], "link.linkType");
    return this.api.void(
      "put",
      "/beta/conversations/{conversationId}/link",
      { params: { path: { conversationId } }, body: link },
      options,
    );
  }

  /**
   * Lists the child conversations linked to a conversation (transcripts, side conversations).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationidlinked
   */
  async listLinked(conversationId: number, options?: CallOptions): Promise<Conversation[]> {
    assertConversationId(conversationId);
    return this.api.data(
      "get",
      "/beta/conversations/{conversationId}/linked",
      { params: { path: { conversationId } } },
      options,
    );
  }

  /**
   * Sets custom attribute values on a conversation, keyed by custom attribute id; answers the
   * conversation's resulting attributes.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/patchconversationsconversationidcustom-attributes
   */
  async updateCustomAttributes(
    conversationId: number,
    attributes: ConversationCustomAttributesInput,
    options?: CallOptions,
  ): Promise<ConversationCustomAttribute[]> {
    assertConversationId(conversationId);
    assertCustomAttributeValues(attributes, "attributes");
    return this.api.data(
      "patch",
      "/beta/conversations/{conversationId}/custom-attributes",
      { params: { path: { conversationId } }, body: attributes },
      options,
    );
  }

  /**
   * Lists the activity log of one conversation (assignments, transfers, state changes...).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationidactivitylog
   */
  async getActivityLog(
    conversationId: number,
    options?: CallOptions,
  ): Promise<ConversationActivityLogEntry[]> {
    assertConversationId(conversationId);
    return this.api.data(
      "get",
      "/beta/conversations/{conversationId}/activitylog",
      { params: { path: { conversationId } } },
      options,
    );
  }

  /**
   * Lists the activity log entries of every conversation of the organization, page by page as
   * you iterate, optionally between `fromDatetime` and `toDatetime` (ISO 8601 date-times).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsactivitylog
   */
  listOrganizationActivityLog(
    query: ListOrganizationActivityLogQuery = {},
    options?: CallOptions,
  ): Paginated<ConversationActivityLogEntry> {
    assertObject(query, "query");
    ifPresent(query.fromDatetime, "query.fromDatetime", assertTimestamp);
    ifPresent(query.toDatetime, "query.toDatetime", assertTimestamp);
    return this.api.list("get", "/beta/conversations/activitylog", { params: { query } }, options);
  }

  /**
   * Lists the organization's conversation flows, optionally only those of one `channel`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsflows
   */
  async listFlows(
    query: ListConversationFlowsQuery = {},
    options?: CallOptions,
  ): Promise<ConversationFlow[]> {
    assertObject(query, "query");
    if (query.channel !== undefined) assertNonEmptyString(query.channel, "query.channel");
    return this.api.data("get", "/beta/conversations/flows", { params: { query } }, options);
  }

  /**
   * Asks Dixa to anonymize a conversation and its messages. The work is queued: the answer is
   * the anonymization request, not its result. With `force: true`, a conversation that is
   * still open is closed first.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/patchconversationsconversationidanonymize
   */
  async anonymize(
    conversationId: number,
    query: AnonymizeConversationQuery = {},
    options?: CallOptions,
  ): Promise<ConversationAnonymizationRequest> {
    assertConversationId(conversationId);
    assertObject(query, "query");
    ifPresent(query["force"], "query.force", assertBoolean);
    return this.api.data(
      "patch",
      "/beta/conversations/{conversationId}/anonymize",
      { params: { path: { conversationId }, query } },
      options,
    );
  }
}

/**
 * The fields each kind of new conversation requires (besides `requesterId`, which all do),
 * as the spec's `Callback`, `Chat`, `ContactForm`, `Email` and `Sms` schemas list them.
 */
const conversationKinds: Record<string, readonly string[]> = {
  Callback: ["direction", "contactEndpointId", "queueId"],
  Chat: ["widgetId", "message"],
  ContactForm: ["emailIntegrationId", "subject", "message"],
  Email: ["emailIntegrationId", "subject", "message"],
  Sms: ["contactEndpointId", "message"],
};
const uuidFields = new Set(["requesterId", "widgetId", "queueId"]);

function assertCreateConversation(conversation: unknown, label: string): void {
  assertObject(conversation, label);
  assertUuid(conversation["requesterId"], `${label}.requesterId`);
  const tag = conversation["_type"];
  if (tag !== undefined) assertNonEmptyString(tag, `${label}._type`);
  let required: readonly string[];
  if (typeof tag === "string" && Object.hasOwn(conversationKinds, tag)) {
    required = conversationKinds[tag]!;
  } else if (tag === undefined) {
    // Without a tag, the body must be complete for at least one kind; else name what the
    // closest kind misses.
    const missing = Object.entries(conversationKinds).map(([kind, fields]) => ({
      kind,
      fields,
      missing: fields.filter((field) => conversation[field] === undefined),
    }));
    const closest = missing.reduce((best, next) =>
      next.missing.length < best.missing.length ? next : best,
    );
    if (closest.missing.length > 0) {
      throw new TypeError(
        `${label}.${closest.missing[0]} is required (a ${closest.kind} conversation needs ${closest.fields.join(", ")}; other kinds are ${Object.keys(conversationKinds).join(", ")}), got undefined`,
      );
    }
    required = closest.fields;
  } else {
    // A kind this client does not know (a newer spec): only the common field is checked.
    required = [];
  }
  for (const field of required) {
    const name = `${label}.${field}`;
    if (field === "message") assertMessageInput(conversation[field], name);
    else if (uuidFields.has(field)) assertUuid(conversation[field], name);
    else assertNonEmptyString(conversation[field], name);
  }
}

function assertImportConversation(conversation: unknown, label: string): void {
  assertObject(conversation, label);
  assertNonEmptyString(conversation["genericChannelName"], `${label}.genericChannelName`);
  assertUuid(conversation["requesterId"], `${label}.requesterId`);
  assertNonEmptyString(conversation["direction"], `${label}.direction`);
  assertTimestamp(conversation["createdAt"], `${label}.createdAt`);
  const messages = conversation["messages"];
  if (messages === undefined) return;
  if (!Array.isArray(messages)) {
    throw new TypeError(`${label}.messages must be an array, got ${describeValue(messages)}`);
  }
  messages.forEach((message: unknown, index) => {
    const name = `${label}.messages[${index}]`;
    assertObject(message, name);
    assertContent(message["content"], `${name}.content`);
    assertTimestamp(message["createdAt"], `${name}.createdAt`);
    const outbound =
      message["_type"] === "OutboundImport" ||
      (message["_type"] === undefined && message["agentId"] !== undefined);
    if (outbound) assertUuid(message["agentId"], `${name}.agentId`);
  });
}
