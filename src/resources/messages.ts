import type { DixaCore } from "../core.js";
import { positiveId } from "../checks.js";
import { asData, body, path, perform } from "../operation.js";
import type { CallOptions, RequestBody } from "../types.js";
import { assertNonEmptyString, assertObject, assertUuid, describeArgument } from "../validate.js";
import { MessagesGeneratedMethods } from "../../generated/facade/resources.js";
import type { CreatedMessage } from "../../generated/facade/types.js";

/**
 * Lets a request body carry Dixa's `_type` tag on every object, at any depth.
 *
 * Dixa tells the members of a union apart by `_type` (`"Inbound"`/`"Outbound"` messages,
 * `"Text"`/`"Html"`/`"Markdown"` content, `"Email"`/`"ContactForm"`/... conversations), and the
 * spec's own examples send it, but the spec's schemas leave it out. Several members are then
 * indistinguishable (the three content kinds are all `{ value: string }`; `Email` and
 * `ContactForm` have the same fields), so the tag is what says which one is meant. The
 * project's overlay declares `_type` on the union members; this keeps every generated field and
 * allows an optional `_type` on the other objects of the body too.
 */
export type WithTypeTags<T> = T extends readonly (infer Item)[]
  ? WithTypeTags<Item>[]
  : T extends object
    ? { [K in keyof T]: WithTypeTags<T[K]> } & { _type?: string }
    : T;

/**
 * An inbound message (from the end user: `content` required) or an outbound one (from the
 * agent named by `agentId`; `content` may be left out only for WhatsApp attachments). Send
 * `_type: "Inbound"` or `"Outbound"`, and `_type` on `content` (`"Text"`, `"Html"`,
 * `"Markdown"`), as Dixa's examples do.
 */
export type CreateMessageInput = WithTypeTags<
  RequestBody<"/beta/conversations/{conversationId}/messages", "post">
>;

type CreateArgs = [conversationId: number, message: CreateMessageInput, options?: CallOptions];

/** The function form of {@link MessagesResource.create}. */
export function messagesCreate(dixa: DixaCore, ...args: CreateArgs): Promise<CreatedMessage> {
  return perform(dixa, args, "POST /beta/conversations/{conversationId}/messages", asData, () => [
    path("conversationId", positiveId),
    body("message", assertMessageInput),
  ]);
}

/** Messages in a conversation. */
export class MessagesResource extends MessagesGeneratedMethods {
  /**
   * Adds a message to a conversation: inbound ones are authored by the conversation's
   * requester, outbound ones by the agent in `agentId`. Attachments are copied into Dixa. Tag
   * the message `_type: "Inbound"` or `"Outbound"` and its content `"Text"`, `"Html"` or
   * `"Markdown"`, as Dixa's examples do (the spec's union members cannot be told apart
   * otherwise).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversationsconversationidmessages
   */
  create(...args: CreateArgs): Promise<CreatedMessage> {
    return messagesCreate(this.core, ...args);
  }
}

/**
 * Checks a message to add (also used for the first message of a new conversation): an
 * outbound message (`_type: "Outbound"`, or an `agentId` without a `_type`) needs a UUID
 * `agentId`; an inbound one needs `content`. Content, when given, needs a string `value`.
 */
export function assertMessageInput(
  message: unknown,
  label: string,
): asserts message is CreateMessageInput {
  assertObject(message, label);
  const tag = message["_type"];
  if (tag !== undefined && tag !== "Inbound" && tag !== "Outbound") {
    throw new TypeError(
      `${label}._type must be "Inbound" or "Outbound", got ${describeArgument(tag, `${label}._type`)}`,
    );
  }
  const outbound = tag === "Outbound" || (tag === undefined && message["agentId"] !== undefined);
  if (outbound) {
    assertUuid(message["agentId"], `${label}.agentId`);
  } else if (message["content"] === undefined) {
    throw new TypeError(
      `${label}.content is required for an inbound message (an outbound one names its agentId), got undefined`,
    );
  }
  if (message["content"] !== undefined) assertContent(message["content"], `${label}.content`);
}

/** Message content: `{ value }`, optionally tagged `Text`, `Html` or `Markdown`. */
export function assertContent(content: unknown, label: string): void {
  assertObject(content, label);
  if (typeof content["value"] !== "string") {
    throw new TypeError(
      `${label}.value must be a string, got ${describeArgument(content["value"], `${label}.value`)}`,
    );
  }
  if (content["_type"] !== undefined) assertNonEmptyString(content["_type"], `${label}._type`);
}
