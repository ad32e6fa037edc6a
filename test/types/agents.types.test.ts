import { describe, expectTypeOf, it } from "vitest";
import type {
  Agent,
  AgentBulkFailure,
  AgentPresence,
  CreateAgentInput,
  DixaClient,
  Paginated,
  PatchManyAgentsResult,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Schemas = components["schemas"];

describe("agents types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<DixaClient["agents"]["get"]>().returns.resolves.toEqualTypeOf<Agent>();
    expectTypeOf<Agent>().toEqualTypeOf<Schemas["Agent"]>();
    expectTypeOf<AgentPresence>().toEqualTypeOf<Schemas["UserPresence"]>();
    expectTypeOf<DixaClient["agents"]["listPresence"]>().returns.resolves.toEqualTypeOf<
      Schemas["UserPresence"][]
    >();
    expectTypeOf<DixaClient["agents"]["list"]>().returns.toEqualTypeOf<Paginated<Agent>>();
    expectTypeOf<DixaClient["agents"]["delete"]>().returns.resolves.toEqualTypeOf<void>();
  });

  it("inputs and bulk outcomes", () => {
    expectTypeOf<CreateAgentInput>().toEqualTypeOf<Schemas["CreateAgentInput"]>();
    expectTypeOf<PatchManyAgentsResult["successes"][number]["input"]>().toEqualTypeOf<
      Schemas["BulkPatchAgentInput"]
    >();
    expectTypeOf<PatchManyAgentsResult["successes"][number]["data"]>().toEqualTypeOf<Agent>();
    expectTypeOf<
      PatchManyAgentsResult["failures"][number]["error"]
    >().toEqualTypeOf<AgentBulkFailure>();
    // @ts-expect-error an agent needs an email to be created
    expectTypeOf<DixaClient["agents"]["create"]>().toBeCallableWith({ displayName: "A" });
  });
});
