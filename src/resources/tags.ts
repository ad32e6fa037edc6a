import type { DixaApi } from "../api.js";
import type { CallOptions, QueryParams, RequestBody, ResponseData } from "../types.js";
import {
  assertBoolean,
  assertConversationId,
  assertEach,
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  assertUuid,
  ifPresent,
} from "../validate.js";

/** A tag: id, name, optional color, and whether it is `Active` or `Inactive`. */
export type Tag = ResponseData<"/beta/tags/{tagId}", "get">;
export type ListTagsQuery = QueryParams<"/beta/tags", "get">;
export type CreateTagInput = RequestBody<"/beta/tags", "post">;
/** One tag to put on a conversation by name (created if no tag has that name yet). */
export type TagByNameInput = NonNullable<
  RequestBody<"/beta/conversations/{conversationId}/tags/bulk", "post">["data"]
>[number];

/** Tags, and tagging conversations. */
export class TagsResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists the organization's tags, in one answer. Only active tags unless
   * `{ includeDeactivated: true }`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/gettags
   */
  async list(query: ListTagsQuery = {}, options?: CallOptions): Promise<Tag[]> {
    assertObject(query, "query");
    ifPresent(query["includeDeactivated"], "query.includeDeactivated", assertBoolean);
    return this.api.data("get", "/beta/tags", { params: { query } }, options);
  }

  /**
   * Creates a tag. If a tag with that name exists already, Dixa answers with it as it is
   * (the color given here is not applied to it).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/posttags
   */
  async create(tag: CreateTagInput, options?: CallOptions): Promise<Tag> {
    assertObject(tag, "tag");
    assertNonEmptyString(tag["name"], "tag.name");
    if (tag["color"] !== undefined) assertNonEmptyString(tag["color"], "tag.color");
    return this.api.data("post", "/beta/tags", { body: tag }, options);
  }

  /**
   * Fetches one tag by id.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/gettagstagid
   */
  async get(tagId: string, options?: CallOptions): Promise<Tag> {
    assertUuid(tagId, "tagId");
    return this.api.data("get", "/beta/tags/{tagId}", { params: { path: { tagId } } }, options);
  }

  /**
   * Deletes a tag and removes it from everything it is on. This cannot be undone; to keep the
   * tag's history, {@link deactivate} it instead.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/deletetagstagid
   */
  async delete(tagId: string, options?: CallOptions): Promise<void> {
    assertUuid(tagId, "tagId");
    return this.api.void("delete", "/beta/tags/{tagId}", { params: { path: { tagId } } }, options);
  }

  /**
   * Deactivates a tag: it stays on the conversations that have it but can no longer be added.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/patchtagstagiddeactivate
   */
  async deactivate(tagId: string, options?: CallOptions): Promise<void> {
    assertUuid(tagId, "tagId");
    return this.api.void(
      "patch",
      "/beta/tags/{tagId}/deactivate",
      { params: { path: { tagId } } },
      options,
    );
  }

  /**
   * Makes a deactivated tag usable again.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/patchtagstagidactivate
   */
  async activate(tagId: string, options?: CallOptions): Promise<void> {
    assertUuid(tagId, "tagId");
    return this.api.void(
      "patch",
      "/beta/tags/{tagId}/activate",
      { params: { path: { tagId } } },
      options,
    );
  }

  /**
   * Lists the tags on a conversation.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/getconversationsconversationidtags
   */
  async listForConversation(conversationId: number, options?: CallOptions): Promise<Tag[]> {
    assertConversationId(conversationId);
    return this.api.data(
      "get",
      "/beta/conversations/{conversationId}/tags",
      { params: { path: { conversationId } } },
      options,
    );
  }

  /**
   * Puts an existing tag on a conversation. Only active tags can be added.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/putconversationsconversationidtagstagid
   */
  async tagConversation(
    conversationId: number,
    tagId: string,
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertUuid(tagId, "tagId");
    return this.api.void(
      "put",
      "/beta/conversations/{conversationId}/tags/{tagId}",
      { params: { path: { conversationId, tagId } } },
      options,
    );
  }

  /**
   * Takes a tag off a conversation; works for active and deactivated tags.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/deleteconversationsconversationidtagstagid
   */
  async untagConversation(
    conversationId: number,
    tagId: string,
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertUuid(tagId, "tagId");
    return this.api.void(
      "delete",
      "/beta/conversations/{conversationId}/tags/{tagId}",
      { params: { path: { conversationId, tagId } } },
      options,
    );
  }

  /**
   * Tags a conversation with several tags given by name, creating the names that do not exist
   * yet. Dixa accepts the request (202) and does the tagging later, so this resolves once the
   * work is queued, with no per-tag outcome; read {@link listForConversation} to see the result.
   * `tags` is the list sent as the body's `data`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/tags/postconversationsconversationidtagsbulk
   */
  async tagConversationByNames(
    conversationId: number,
    tags: readonly TagByNameInput[],
    options?: CallOptions,
  ): Promise<void> {
    assertConversationId(conversationId);
    assertNonEmptyArray(tags, "tags");
    assertEach(tags, "tags", (tag, label) => {
      assertObject(tag, label);
      assertNonEmptyString(tag["name"], `${label}.name`);
    });
    return this.api.void(
      "post",
      "/beta/conversations/{conversationId}/tags/bulk",
      { params: { path: { conversationId } }, body: { data: tags } },
      options,
    );
  }
}
