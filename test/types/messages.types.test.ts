import { describe, expectTypeOf, it } from "vitest";
import type { ConversationMessage, CreateMessageInput, DixaClient } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Schemas = components["schemas"];

describe("messages types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<ConversationMessage>().toEqualTypeOf<Schemas["Message"]>();
    expectTypeOf<DixaClient["messages"]["list"]>().returns.resolves.toEqualTypeOf<
      Schemas["Message"][]
    >();
    expectTypeOf<DixaClient["messages"]["create"]>().returns.resolves.toEqualTypeOf<
      Schemas["CreateMessageOutputData"]
    >();
  });

  it("inputs accept every generated message, plus Dixa's _type tags", () => {
    expectTypeOf<Schemas["CreateMessageInput"]>().toExtend<CreateMessageInput>();
    expectTypeOf<DixaClient["messages"]["create"]>().toBeCallableWith(1, {
      content: { value: "Ok, I can help you!", _type: "Text" },
      agentId: "bac5a02c-15b3-44da-ae1e-ab7b9db4aa89",
      _type: "Outbound",
    });
    // @ts-expect-error content needs a value
    expectTypeOf<DixaClient["messages"]["create"]>().toBeCallableWith(1, { content: {} });
  });
});
