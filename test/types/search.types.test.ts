import { describe, expectTypeOf, it } from "vitest";
import type {
  ConversationSearchHit,
  DixaClient,
  Paginated,
  SearchConversationsInput,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type S = components["schemas"];

describe("search types come from the generated spec", () => {
  it("hits", () => {
    expectTypeOf<ConversationSearchHit>().toEqualTypeOf<S["ConversationSearchWithFiltersHit"]>();
    expectTypeOf<DixaClient["search"]["conversations"]>().returns.toEqualTypeOf<
      Paginated<ConversationSearchHit>
    >();
  });

  it("conditions are the spec's, tagged with _type as in the spec's own examples", () => {
    // Some of the spec's request examples, verbatim.
    const examples: SearchConversationsInput[] = [
      {
        filters: {
          strategy: "All",
          conditions: [
            {
              field: {
                operator: {
                  values: [
                    "177e7564-6434-4177-a25a-8530089196ad",
                    "7729e7564-9876-a637-b46b-8530038196b3",
                  ],
                  _type: "IncludesOne",
                },
                _type: "TagId",
              },
            },
          ],
        },
      },
      {
        filters: {
          strategy: "All",
          conditions: [
            {
              field: {
                operator: { _type: "IsEmpty" },
                attributeId: "1fba54c0-3ef6-48c8-bf00-912c5c9890fd",
                _type: "CustomAttribute",
              },
            },
          ],
        },
      },
      {
        query: { value: "order 12345", exactMatch: true },
        filters: {
          strategy: "All",
          conditions: [{ field: { operator: { _type: "IsNotEmpty" }, _type: "TagId" } }],
        },
      },
      {
        filters: {
          strategy: "All",
          conditions: [
            {
              field: {
                operator: { values: [["cookies"], ["tart", "nut_tart"]], _type: "IsOneOf" },
                attributeId: "30cd8aa4-3b58-4d70-a716-887dd6f348b4",
                _type: "CustomAttribute",
              },
            },
          ],
        },
      },
      {
        filters: {
          strategy: "Any",
          conditions: [
            {
              field: {
                operator: {
                  timestampFrom: "2023-02-11T22:59:59.999Z",
                  timestampTo: "2023-02-11T23:59:59.999Z",
                  _type: "Between",
                },
                _type: "CreationDate",
              },
            },
          ],
        },
      },
    ];
    expectTypeOf(examples).toExtend<SearchConversationsInput[]>();
    expectTypeOf<SearchConversationsInput["query"]>().toEqualTypeOf<S["Query"] | undefined>();
    const untagged: SearchConversationsInput = {
      filters: {
        strategy: "All",
        // @ts-expect-error a condition's field and operator need their kind
        conditions: [{ field: { operator: { values: ["x"] } } }],
      },
    };
    expectTypeOf(untagged).toExtend<SearchConversationsInput>();
  });
});
