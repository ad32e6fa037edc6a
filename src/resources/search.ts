import { callPages } from "../call.js";
import type { DixaCore } from "../core.js";
import type { Paginated } from "../paginate.js";
import type { CallOptions, ListItem, ListQuery, RequestBody, Schemas } from "../types.js";
import { assertEach, assertNonEmptyString, assertObject } from "../validate.js";
import {
  SearchGeneratedMethods,
  checkSearchConversationsBody,
} from "../../generated/facade/search.js";

/** A conversation that matched, with the matching snippets (matches wrapped in `<em>`). */
export type ConversationSearchHit = ListItem<"/beta/search/conversations", "post">;
/** A hit of the deprecated text-only search, which also lists the matching messages. */
export type ConversationSearchByQueryHit = ListItem<"/beta/search/conversations", "get">;
export type SearchConversationsByQueryQuery = ListQuery<"/beta/search/conversations", "get">;
export type SearchConversationsQuery = ListQuery<"/beta/search/conversations", "post">;

/**
 * Adds the `_type` tag to each member of a generated union; members the spec leaves empty
 * (`IsEmpty`, `IsNotEmpty`) become just `{ _type }`.
 */
type WithTypeTag<T> = T extends unknown
  ? string extends keyof T
    ? { _type: string }
    : T & { _type: string }
  : never;
type TaggedSearchField<F> = F extends { operator: infer Operator }
  ? Omit<F, "operator"> & { operator: WithTypeTag<Operator>; _type: string }
  : never;

/**
 * One search condition. The spec's field kinds (TagId, QueueId, ...) and operator kinds
 * (IsOneOf, Between, ...) share shapes and declare no discriminator, so Dixa tells them apart
 * by `_type`, as in all of its examples:
 * `{ field: { _type: "TagId", operator: { _type: "IncludesOne", values: [tagId] } } }`.
 */
export type SearchCondition = Omit<Schemas["Condition"], "field"> & {
  field: TaggedSearchField<Schemas["SearchField"]>;
};
/** Conditions and how they combine: `strategy` `All` or `Any`. */
export type SearchFilters = Omit<Schemas["Filters"], "conditions"> & {
  conditions?: SearchCondition[];
};
/** Text to look for (`query`), conditions (`filters`), or both. */
export type SearchConversationsInput = Omit<
  RequestBody<"/beta/search/conversations", "post">,
  "filters"
> & { filters?: SearchFilters };

/**
 * Searches conversations by text, by conditions (tags, queue, channel, dates, custom attributes,
 * ...), or both; results come page by page as you iterate (at most 50 a page, as Dixa
 * documents). Each condition's field and operator carry their kind in `_type` (see
 * {@link SearchCondition}).
 * @see https://docs.dixa.io/openapi/dixa-api/beta/search/postsearchconversations
 */
export function searchConversations(
  dixa: DixaCore,
  search: SearchConversationsInput = {},
  query: SearchConversationsQuery = {},
  options?: CallOptions,
): Paginated<ConversationSearchHit> {
  checkSearchConversationsBody(search, "search");
  // The spec's field and operator kinds share shapes and declare no discriminator: Dixa tells
  // them apart by `_type`, as all its examples do.
  const conditions = search.filters?.conditions;
  if (conditions !== undefined) {
    assertEach(conditions, "search.filters.conditions", (condition, name) => {
      const field: unknown = condition["field"];
      assertObject(field, `${name}.field`);
      assertNonEmptyString(field["_type"], `${name}.field._type`);
      const operator: unknown = field["operator"];
      assertObject(operator, `${name}.field.operator`);
      assertNonEmptyString(operator["_type"], `${name}.field.operator._type`);
    });
  }
  return callPages(
    dixa,
    "POST",
    "/beta/search/conversations",
    "/beta/search/conversations",
    query,
    search,
    options,
    50, // Dixa documents at most 50 results a page (declared by the overlay: `maximum: 50`).
  );
}

/** Conversation search. */
export class SearchResource extends SearchGeneratedMethods {
  /**
   * Searches conversations by text, by conditions (tags, queue, channel, dates, custom
   * attributes, ...), or both; results come page by page as you iterate (at most 50 a page).
   * Each condition's field and operator carry their kind in `_type` (see {@link SearchCondition}).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/search/postsearchconversations
   */
  conversations(
    search: SearchConversationsInput = {},
    query: SearchConversationsQuery = {},
    options?: CallOptions,
  ): Paginated<ConversationSearchHit> {
    return searchConversations(this.core, search, query, options);
  }
}
