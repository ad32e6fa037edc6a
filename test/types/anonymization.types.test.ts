import { describe, expectTypeOf, it } from "vitest";
import type { AnonymizationRequest, AnonymizeEntityInput, DixaClient } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type S = components["schemas"];

describe("anonymization types come from the generated spec", () => {
  it("anonymization", () => {
    expectTypeOf<AnonymizationRequest>().toEqualTypeOf<S["AnonymizationRequestStatus"]>();
    expectTypeOf<AnonymizeEntityInput>().toEqualTypeOf<S["AnonymizeEntityInput"]>();
    expectTypeOf<DixaClient["anonymization"]["getRequest"]>().returns.resolves.toEqualTypeOf<
      S["AnonymizationRequestStatus"]
    >();
  });
});
