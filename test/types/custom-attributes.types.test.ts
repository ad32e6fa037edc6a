import { describe, expectTypeOf, it } from "vitest";
import type { CustomAttributeDefinition, DixaClient } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

describe("customAttributes types come from the generated spec", () => {
  it("definitions", () => {
    expectTypeOf<CustomAttributeDefinition>().toEqualTypeOf<
      components["schemas"]["CustomAttributeDefinition"]
    >();
    expectTypeOf<
      DixaClient["customAttributes"]["get"]
    >().returns.resolves.toEqualTypeOf<CustomAttributeDefinition>();
    expectTypeOf<DixaClient["customAttributes"]["list"]>().returns.resolves.toEqualTypeOf<
      CustomAttributeDefinition[]
    >();
  });
});
