import { describe, expectTypeOf, it } from "vitest";
import type { DixaClient, ListTemplatesQuery, Paginated, Template } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

describe("templates types come from the generated spec", () => {
  it("list is paged over the Template schema", () => {
    expectTypeOf<Template>().toEqualTypeOf<components["schemas"]["Template"]>();
    expectTypeOf<DixaClient["templates"]["list"]>().returns.toEqualTypeOf<Paginated<Template>>();
    // pageKey: a nextPageKey saved from a page, to resume the list from there.
    expectTypeOf<ListTemplatesQuery>().toEqualTypeOf<{
      pageLimit?: number;
      type?: "EmailAutoReply" | "QuickResponse";
      pageKey?: string;
    }>();
    // @ts-expect-error the type filter is an enum
    expectTypeOf<DixaClient["templates"]["list"]>().toBeCallableWith({ type: "Macro" });
  });
});
