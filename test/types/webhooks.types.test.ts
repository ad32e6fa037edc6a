import { describe, expectTypeOf, it } from "vitest";
import type { CreateWebhookInput, DixaClient, WebhookSubscription } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Webhooks = DixaClient["webhooks"];
const base = { name: "n", url: "https://example.org", customHeaders: {} };

describe("webhooks types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<WebhookSubscription>().toEqualTypeOf<
      components["schemas"]["WebhookSubscription"]
    >();
    expectTypeOf<Webhooks["create"]>().returns.resolves.toEqualTypeOf<WebhookSubscription>();
    expectTypeOf<Webhooks["list"]>().returns.resolves.toEqualTypeOf<WebhookSubscription[]>();
    expectTypeOf<Webhooks["delete"]>().returns.resolves.toBeVoid();
  });

  it("inputs take the spec's fields, plus the _type tags it leaves out", () => {
    expectTypeOf<CreateWebhookInput["name"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateWebhookInput["customHeaders"]>().toEqualTypeOf<
      components["schemas"]["Map_String"]
    >();
    // Untagged (as generated) and tagged (as Dixa's examples) authorizations both type-check.
    expectTypeOf<Webhooks["create"]>().toBeCallableWith({
      ...base,
      authorization: { username: "u", password: "p" },
    });
    expectTypeOf<Webhooks["create"]>().toBeCallableWith({
      ...base,
      authorization: { _type: "TokenAuth", value: "t" },
    });
    expectTypeOf<Webhooks["create"]>().toBeCallableWith({ ...base, authorization: {} });
    expectTypeOf<Webhooks["update"]>().toBeCallableWith("id", {
      filters: {
        Conversation: {
          strategy: "All",
          conditions: [{ _type: "IsNotOneOf", field: "QueueId", values: ["q"] }],
        },
      },
    });
    const untagged = {
      filters: {
        Conversation: { strategy: "All", conditions: [{ field: "QueueId", values: ["q"] }] },
      },
    };
    // @ts-expect-error a condition must say IsOneOf or IsNotOneOf
    expectTypeOf<Webhooks["update"]>().toBeCallableWith("id", untagged);
    // @ts-expect-error create needs an authorization
    expectTypeOf<Webhooks["create"]>().toBeCallableWith(base);
  });
});
