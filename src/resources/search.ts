import type { DixaApi } from "../api.js";
import type { Paginated } from "../paginate.js";
import type { CallOptions, ListItem, ListQuery, RequestBody, Schemas } from "../types.js";
import {
  assertBoolean,
  assertEach,
  assertListQuery,
  assertNonEmptyString,
  assertObject,
  describeValue,
  ifPresent,
} from "../validate.js";

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
 * Dixa documents at most 50 results per search page; the spec's schema does not say so, so the
 * cap is kept here.
 */
const maxSearchPageLimit = 50;

/** Conversation search. */
export class SearchResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Searches conversations by text, by conditions (tags, queue, channel, dates, custom
   * attributes, ...), or both; results come page by page as you iterate. Each condition's field
   * and operator carry their kind in `_type` (see {@link SearchCondition}).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/search/postsearchconversations
   */
  conversations(
    search: SearchConversationsInput = {},
    query: SearchConversationsQuery = {},
    options?: CallOptions,
  ): Paginated<ConversationSearchHit> {
    assertSearch(search, "search");
    assertListQuery(query, maxSearchPageLimit);
    return this.api.list(
      "post",
      "/beta/search/conversations",
      { params: { query }, body: search },
      options,
    );
  }

  /**
   * Searches conversations for a text (`query`, non-empty), page by page as you iterate.
   * @deprecated Dixa deprecated this endpoint; use {@link SearchResource.conversations} with
   * `{ query: { value, exactMatch } }` instead.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/search/getsearchconversations
   */
  conversationsByQuery(
    query: SearchConversationsByQueryQuery,
    options?: CallOptions,
  ): Paginated<ConversationSearchByQueryHit> {
    assertListQuery(query, maxSearchPageLimit);
    assertNonEmptyString(query["query"], "query.query");
    ifPresent(query["exactMatch"], "query.exactMatch", assertBoolean);
    return this.api.list("get", "/beta/search/conversations", { params: { query } }, options);
  }
}

function assertSearch(search: unknown, label: string): void {
  assertObject(search, label);
  const { query, filters } = search;
  if (query !== undefined) {
    assertObject(query, `${label}.query`);
    assertNonEmptyString(query["value"], `${label}.query.value`);
    ifPresent(query["exactMatch"], `${label}.query.exactMatch`, assertBoolean);
  }
  if (filters !== undefined) {
    assertObject(filters, `${label}.filters`);
    assertNonEmptyString(filters["strategy"], `${label}.filters.strategy`);
    const conditions = filters["conditions"];
    if (conditions !== undefined) {
      if (!Array.isArray(conditions)) {
        throw new TypeError(
          `${label}.filters.conditions must be an array, got ${describeValue(conditions)}`,
        );
      }
      assertEach(conditions, `${label}.filters.conditions`, (condition, name) => {
        assertObject(condition, name);
        const field = condition["field"];
        assertObject(field, `${name}.field`);
        assertNonEmptyString(field["_type"], `${name}.field._type`);
        assertObject(field["operator"], `${name}.field.operator`);
        assertNonEmptyString(field["operator"]["_type"], `${name}.field.operator._type`);
      });
    }
  }
}
