import { describe, expectTypeOf, it } from "vitest";
import type { ContactEndpoint, DixaClient } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

describe("contactEndpoints types come from the generated spec", () => {
  it("an endpoint is the e-mail or telephony schema", () => {
    expectTypeOf<ContactEndpoint>().toEqualTypeOf<components["schemas"]["ContactEndpoint"]>();
    expectTypeOf<DixaClient["contactEndpoints"]["list"]>().returns.resolves.toEqualTypeOf<
      ContactEndpoint[]
    >();
    // @ts-expect-error ids are e-mail addresses or phone numbers, as strings
    expectTypeOf<DixaClient["contactEndpoints"]["get"]>().toBeCallableWith(4531434343);
  });
});
