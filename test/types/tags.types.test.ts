import { describe, expectTypeOf, it } from "vitest";
import type { CreateTagInput, DixaClient, Tag, TagByNameInput } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type S = components["schemas"];

describe("tags types come from the generated spec", () => {
  it("tags", () => {
    expectTypeOf<Tag>().toEqualTypeOf<S["Tag"]>();
    expectTypeOf<CreateTagInput>().toEqualTypeOf<S["CreateTagInput"]>();
    expectTypeOf<TagByNameInput>().toEqualTypeOf<S["TagConversationInput"]>();
    expectTypeOf<DixaClient["tags"]["list"]>().returns.resolves.toEqualTypeOf<Tag[]>();
    expectTypeOf<DixaClient["tags"]["tagConversationByNames"]>().returns.resolves.toBeVoid();
    // @ts-expect-error conversation ids are numbers
    expectTypeOf<DixaClient["tags"]["tagConversation"]>().toBeCallableWith("42", "tag-id");
  });
});
