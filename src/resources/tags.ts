import { callVoid } from "../call.js";
import type { DixaCore } from "../core.js";
import type { CallOptions, QueryParams, RequestBody, ResponseData } from "../types.js";
import { assertConversationId, assertItems } from "../validate.js";
import {
  TagsGeneratedMethods,
  checkTagsTagConversationByNamesItem,
} from "../../generated/facade/tags.js";

/** A tag: id, name, optional color, and whether it is `Active` or `Inactive`. */
export type Tag = ResponseData<"/beta/tags/{tagId}", "get">;
export type ListTagsQuery = QueryParams<"/beta/tags", "get">;
export type CreateTagInput = RequestBody<"/beta/tags", "post">;
/** One tag to put on a conversation by name (created if no tag has that name yet). */
export type TagByNameInput = NonNullable<
  RequestBody<"/beta/conversations/{conversationId}/tags/bulk", "post">["data"]
>[number];

/**
 * Tags a conversation with several tags given by name, creating the names that do not exist
 * yet. Dixa accepts the request (202) and does the tagging later, so this resolves once the work
 * is queued, with no per-tag outcome; read `listForConversation` to see the result. `tags` is the
 * list sent as the body's `data`.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/postconversationsconversationidtagsbulk
 */
export async function tagsTagConversationByNames(
  dixa: DixaCore,
  conversationId: number,
  tags: readonly TagByNameInput[],
  options?: CallOptions,
): Promise<void> {
  assertConversationId(conversationId);
  assertItems(tags, "tags", checkTagsTagConversationByNamesItem);
  return callVoid(
    dixa,
    "POST",
    "/beta/conversations/{conversationId}/tags/bulk",
    `/beta/conversations/${conversationId}/tags/bulk`,
    undefined,
    { data: tags },
    options,
  );
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
  tagConversationByNames(
    conversationId: number,
    tags: readonly TagByNameInput[],
    options?: CallOptions,
  ): Promise<void> {
    return tagsTagConversationByNames(this.core, conversationId, tags, options);
  }
}
