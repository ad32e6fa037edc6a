import type { DixaCore } from "../core.js";
import { asData, body, perform } from "../operation.js";
import type { CallOptions, RequestBody } from "../types.js";
import {
  assertNonEmptyString,
  assertObject,
  assertTimestamp,
  assertUuid,
  describeArgument,
} from "../validate.js";
import { ConversationsGeneratedMethods } from "../../generated/facade/resources.js";
import type { CreatedConversation, ImportedConversation } from "../../generated/facade/types.js";
import { assertContent, assertMessageInput, type WithTypeTags } from "./messages.js";

/**
 * A new conversation: `Callback`, `Chat`, `ContactForm`, `Email` or `Sms`. Send `_type` with
 * the kind (and on the first message and its content), as Dixa's examples do: `Email` and
 * `ContactForm` cannot be told apart otherwise.
 */
export type CreateConversationInput = WithTypeTags<RequestBody<"/beta/conversations", "post">>;
/**
 * A conversation that already happened elsewhere, with its messages. Tag each message
 * `_type: "InboundImport"` or `"OutboundImport"` (and its content), as Dixa's examples do.
 */
export type ImportConversationInput = WithTypeTags<
  RequestBody<"/beta/conversations/import", "post">
>;

type CreateArgs = [conversation: CreateConversationInput, options?: CallOptions];
type ImportArgs = [conversation: ImportConversationInput, options?: CallOptions];

/** The function form of {@link ConversationsResource.create}. */
export function conversationsCreate(
  dixa: DixaCore,
  ...args: CreateArgs
): Promise<CreatedConversation> {
  return perform(dixa, args, "POST /beta/conversations", asData, () => [
    body("conversation", assertCreateConversation),
  ]);
}

/** The function form of {@link ConversationsResource.import}. */
export function conversationsImport(
  dixa: DixaCore,
  ...args: ImportArgs
): Promise<ImportedConversation> {
  return perform(dixa, args, "POST /beta/conversations/import", asData, () => [
    body("conversation", assertImportConversation),
  ]);
}

/** Conversations: create, import, read, route and change their state. */
export class ConversationsResource extends ConversationsGeneratedMethods {
  /**
   * Starts a conversation on a channel. An inbound first message is authored by the requester;
   * an outbound one by the agent in its `agentId`. Tag the conversation with its kind in
   * `_type` (`Callback`, `Chat`, `ContactForm`, `Email`, `Sms`), as Dixa's examples do: `Email`
   * and `ContactForm` cannot be told apart otherwise. Dixa has no idempotency key, so after a
   * server error or a dropped connection this is not replayed (unless the client sets
   * `retry.retryUnsafeMethods`): a replay could create a second conversation.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversations
   */
  create(...args: CreateArgs): Promise<CreatedConversation> {
    return conversationsCreate(this.core, ...args);
  }

  /**
   * Imports a conversation that already happened elsewhere (a bot's chat history, an old
   * mailbox), messages included, each tagged `_type: "InboundImport"` or `"OutboundImport"`.
   * The answer lists what could not be imported in `partialErrors`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversationsimport
   */
  import(...args: ImportArgs): Promise<ImportedConversation> {
    return conversationsImport(this.core, ...args);
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
    throw new TypeError(
      `${label}.messages must be an array, got ${describeArgument(messages, `${label}.messages`)}`,
    );
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
