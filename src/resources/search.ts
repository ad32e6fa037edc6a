import type { DixaCore } from "../core.js";
import { asPages, body, perform, query } from "../operation.js";
import type { Paginated } from "../paginate.js";
import type { CallOptions, RequestBody, Schemas } from "../types.js";
import { assertEach, assertNonEmptyString, assertObject } from "../validate.js";
import { checkSearchParametersInput } from "../../generated/facade/checks.js";
import { SearchGeneratedMethods } from "../../generated/facade/resources.js";
import type {
  ConversationSearchHit,
  SearchConversationsQuery,
} from "../../generated/facade/types.js";

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

type ConversationsArgs = [
  search?: SearchConversationsInput,
  query?: SearchConversationsQuery,
  options?: CallOptions,
];

/** The spec's checks, then each condition's kinds, which only `_type` tells. */
function checkSearch(search: unknown, label: string): void {
  checkSearchParametersInput(search, label);
  // The spec's field and operator kinds share shapes and declare no discriminator: Dixa tells
  // them apart by `_type`, as all its examples do.
  const conditions = (search as SearchConversationsInput).filters?.conditions;
  if (conditions === undefined) return;
  assertEach(conditions, `${label}.filters.conditions`, (condition, name) => {
    const field: unknown = condition["field"];
    assertObject(field, `${name}.field`);
    assertNonEmptyString(field["_type"], `${name}.field._type`);
    const operator: unknown = field["operator"];
    assertObject(operator, `${name}.field.operator`);
    assertNonEmptyString(operator["_type"], `${name}.field.operator._type`);
  });
}

/** The function form of {@link SearchResource.conversations}. */
export function searchConversations(
  dixa: DixaCore,
  ...args: ConversationsArgs
): Paginated<ConversationSearchHit> {
  return perform(
    dixa,
    args,
    "POST /beta/search/conversations",
    asPages,
    () => [body("search", checkSearch, "empty"), query()],
    // Dixa documents at most 50 results a page (declared by the overlay: `maximum: 50`).
    { maxPageLimit: 50 },
  );
}

/** Conversation search. */
export class SearchResource extends SearchGeneratedMethods {
  /**
   * Searches conversations by text, by conditions (tags, queue, channel, dates, custom
   * attributes, ...), or both; results come page by page as you iterate (at most 50 a page, as
   * Dixa documents). Each condition's field and operator carry their kind in `_type` (see
   * {@link SearchCondition}).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/search/postsearchconversations
   */
  conversations(...args: ConversationsArgs): Paginated<ConversationSearchHit> {
    return searchConversations(this.core, ...args);
  }
}
