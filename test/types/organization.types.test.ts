import { describe, expectTypeOf, it } from "vitest";
import type { DixaClient, Organization } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

describe("organization types come from the generated spec", () => {
  it("organization", () => {
    expectTypeOf<Organization>().toEqualTypeOf<components["schemas"]["OrganizationDetails"]>();
    expectTypeOf<
      DixaClient["organization"]["get"]
    >().returns.resolves.toEqualTypeOf<Organization>();
  });
});
