import { describe, expectTypeOf, it } from "vitest";
import type {
  Conversation,
  CreateConversationInput,
  DixaClient,
  ImportConversationInput,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Schemas = components["schemas"];

describe("conversations types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<Conversation>().toEqualTypeOf<Schemas["Conversation"]>();
    expectTypeOf<DixaClient["conversations"]["get"]>().returns.resolves.toEqualTypeOf<
      Schemas["Conversation"]
    >();
    expectTypeOf<DixaClient["conversations"]["close"]>().returns.resolves.toEqualTypeOf<void>();
    expectTypeOf<DixaClient["conversations"]["import"]>().returns.resolves.toEqualTypeOf<
      Schemas["ImportConversationResponse"]
    >();
  });

  it("inputs accept every generated body, plus Dixa's _type tags", () => {
    expectTypeOf<Schemas["CreateConversationInput"]>().toExtend<CreateConversationInput>();
    expectTypeOf<Schemas["GenericConversationImport"]>().toExtend<ImportConversationInput>();
    expectTypeOf<DixaClient["conversations"]["create"]>().toBeCallableWith({
      requesterId: "9c2a2cce-699f-4a72-89d9-fda5bc8dec8b",
      emailIntegrationId: "my-integration@email.dixa.io",
      subject: "order #123",
      message: { content: { value: "My order hasn't shipped", _type: "Text" }, _type: "Inbound" },
      _type: "Email",
    });
  });

  it("rejects wrong arguments", () => {
    // @ts-expect-error conversation ids are numbers
    expectTypeOf<DixaClient["conversations"]["get"]>().toBeCallableWith("123");
    // @ts-expect-error a transfer needs the queue
    expectTypeOf<DixaClient["conversations"]["transferToQueue"]>().toBeCallableWith(1, {});
  });
});
