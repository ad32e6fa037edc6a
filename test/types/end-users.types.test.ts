import { describe, expectTypeOf, it } from "vitest";
import type {
  CreateManyEndUsersResult,
  DixaClient,
  EndUser,
  EndUserConversation,
  UpdateManyEndUsersItem,
} from "../../src/index.js";
import type { Paginated } from "../../src/paginate.js";
import type { components } from "../../generated/dixa-beta.js";

type Schemas = components["schemas"];

describe("endUsers types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<EndUser>().toEqualTypeOf<Schemas["EndUser"]>();
    expectTypeOf<DixaClient["endUsers"]["get"]>().returns.resolves.toEqualTypeOf<EndUser>();
    expectTypeOf<DixaClient["endUsers"]["list"]>().returns.toEqualTypeOf<Paginated<EndUser>>();
    expectTypeOf<EndUserConversation>().toEqualTypeOf<Schemas["Conversation"]>();
  });

  it("bulk inputs and outcomes", () => {
    expectTypeOf<UpdateManyEndUsersItem>().toEqualTypeOf<Schemas["BulkUpdateEndUserInput"]>();
    expectTypeOf<CreateManyEndUsersResult["successes"][number]["data"]>().toEqualTypeOf<EndUser>();
    expectTypeOf<CreateManyEndUsersResult["failures"][number]["error"]>().toExtend<
      Schemas["BulkError"] | Error
    >();
  });

  it("rejects wrong arguments", () => {
    // @ts-expect-error a full update needs displayName
    expectTypeOf<DixaClient["endUsers"]["update"]>().toBeCallableWith("id", { email: "a@b.c" });
    // @ts-expect-error bulk items name their end user by id
    expectTypeOf<DixaClient["endUsers"]["patchMany"]>().toBeCallableWith([{ displayName: "A" }]);
  });
});
