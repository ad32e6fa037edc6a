import type { DixaCore } from "../core.js";
import { positiveId } from "../checks.js";
import { asVoid, body, path, perform } from "../operation.js";
import type { CallOptions } from "../types.js";
import { assertItems } from "../validate.js";
import { checkTagConversationInput } from "../../generated/facade/checks.js";
import { TagsGeneratedMethods } from "../../generated/facade/resources.js";
import type { TagByNameInput } from "../../generated/facade/types.js";

type TagConversationByNamesArgs = [
  conversationId: number,
  tags: readonly TagByNameInput[],
  options?: CallOptions,
];

/** The function form of {@link TagsResource.tagConversationByNames}. */
export function tagsTagConversationByNames(
  dixa: DixaCore,
  ...args: TagConversationByNamesArgs
): Promise<void> {
  return perform(dixa, args, "POST /beta/conversations/{conversationId}/tags/bulk", asVoid, () => [
    path("conversationId", positiveId),
    // The tags go as the body's `data`: the parameter is the list itself.
    body(
      "tags",
      (tags, label) => assertItems(tags, label, checkTagConversationInput),
      "required",
      (tags: readonly TagByNameInput[]) => ({ data: tags }),
    ),
  ]);
}

/** Tags, and tagging conversations. */
export class TagsResource extends TagsGeneratedMethods {
  /**
   * Tags a conversation with several tags given by name, creating the names that do not exist
   * yet. Dixa accepts the request (202) and does the tagging later, so this resolves once the
   * work is queued, with no per-tag outcome; read {@link listForConversation} to see the result.
   * `tags` is the list sent as the body's `data`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/postconversationsconversationidtagsbulk
   */
  tagConversationByNames(...args: TagConversationByNamesArgs): Promise<void> {
    return tagsTagConversationByNames(this.core, ...args);
  }
}
