import { callData } from "../call.js";
import type { DixaCore } from "../core.js";
import type {
  CallOptions,
  ListItem,
  ListQuery,
  QueryParams,
  RequestBody,
  ResponseData,
} from "../types.js";
import {
  assertNonEmptyString,
  assertObject,
  assertTimestamp,
  assertUuid,
  describeValue,
} from "../validate.js";
import { ConversationsGeneratedMethods } from "../../generated/facade/conversations.js";
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
 * deprecated `activityType` arrives as a string (typed so by the overlay; Dixa's description has an object).
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
 * deprecated `entityType` arrives as a string (`"ConversationAnonymizationType"`) (typed so by the overlay; Dixa's description has an object).
 */
export type ConversationAnonymizationRequest = ResponseData<
  "/beta/conversations/{conversationId}/anonymize",
  "patch"
>;

/**
 * Starts a conversation on a channel. An inbound first message is authored by the requester; an
 * outbound one by the agent in its `agentId`. Tag the conversation with its kind in `_type`
 * (`Callback`, `Chat`, `ContactForm`, `Email`, `Sms`), as Dixa's examples do: `Email` and
 * `ContactForm` cannot be told apart otherwise. Dixa has no idempotency key, so after a server
 * error or a dropped connection this is not replayed (unless the client sets
 * `retry.retryUnsafeMethods`): a replay could create a second conversation.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversations
 */
export async function conversationsCreate(
  dixa: DixaCore,
  conversation: CreateConversationInput,
  options?: CallOptions,
): Promise<CreatedConversation> {
  assertCreateConversation(conversation, "conversation");
  return callData(
    dixa,
    "POST",
    "/beta/conversations",
    "/beta/conversations",
    undefined,
    conversation,
    options,
  );
}

/**
 * Imports a conversation that already happened elsewhere (a bot's chat history, an old
 * mailbox), messages included, each tagged `_type: "InboundImport"` or `"OutboundImport"`. The
 * answer lists what could not be imported in `partialErrors`.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversationsimport
 */
export async function conversationsImport(
  dixa: DixaCore,
  conversation: ImportConversationInput,
  options?: CallOptions,
): Promise<ImportedConversation> {
  assertImportConversation(conversation, "conversation");
  return callData(
    dixa,
    "POST",
    "/beta/conversations/import",
    "/beta/conversations/import",
    undefined,
    conversation,
    options,
  );
}

/** Conversations: create, import, read, route and change their state. */
export class ConversationsResource extends ConversationsGeneratedMethods {
  /**
   * Starts a conversation on a channel. An inbound first message is authored by the
   * requester; an outbound one by the agent in its `agentId`. Dixa has no idempotency key, so
   * after a server error or a dropped connection this is not replayed (unless the client sets
   * `retry.retryUnsafeMethods`): a replay could create a second conversation.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversations
   */
  create(
    conversation: CreateConversationInput,
    options?: CallOptions,
  ): Promise<CreatedConversation> {
    return conversationsCreate(this.core, conversation, options);
  }

  /**
   * Imports a conversation that already happened elsewhere (a bot's chat history, an old
   * mailbox), messages included. The answer lists what could not be imported in
   * `partialErrors`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversationsimport
   */
  import(
    conversation: ImportConversationInput,
    options?: CallOptions,
  ): Promise<ImportedConversation> {
    return conversationsImport(this.core, conversation, options);
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
