import { describe, expectTypeOf, it } from "vitest";
import type { DixaClient, Paginated, Team, TeamMemberPresence } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Schemas = components["schemas"];

describe("teams types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<Team>().toEqualTypeOf<Schemas["Team1"]>();
    expectTypeOf<DixaClient["teams"]["list"]>().returns.resolves.toEqualTypeOf<Team[]>();
    expectTypeOf<TeamMemberPresence>().toEqualTypeOf<Schemas["UserPresence"]>();
    expectTypeOf<DixaClient["teams"]["listPresence"]>().returns.toEqualTypeOf<
      Paginated<TeamMemberPresence>
    >();
    expectTypeOf<DixaClient["teams"]["addMembers"]>().returns.resolves.toEqualTypeOf<void>();
  });

  it("inputs", () => {
    expectTypeOf<Parameters<DixaClient["teams"]["create"]>[0]>().toEqualTypeOf<
      Schemas["CreateTeamInput"]
    >();
    // @ts-expect-error agent ids are strings
    expectTypeOf<DixaClient["teams"]["addMembers"]>().toBeCallableWith("t", { agentIds: [1] });
  });
});
