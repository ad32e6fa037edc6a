import { describe, expectTypeOf, it } from "vitest";
import type {
  AddQueueMembersResult,
  DixaClient,
  Queue,
  QueueMemberFailure,
  QueuedConversationPosition,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Schemas = components["schemas"];

describe("queues types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<Queue>().toEqualTypeOf<Schemas["Queue1"]>();
    expectTypeOf<DixaClient["queues"]["list"]>().returns.resolves.toEqualTypeOf<Queue[]>();
    expectTypeOf<DixaClient["queues"]["create"]>().returns.resolves.toEqualTypeOf<Queue>();
    expectTypeOf<QueuedConversationPosition>().toEqualTypeOf<Schemas["QueuedConversation"]>();
  });

  it("addMembers pairs each agent id with its outcome", () => {
    expectTypeOf<
      DixaClient["queues"]["addMembers"]
    >().returns.resolves.toEqualTypeOf<AddQueueMembersResult>();
    expectTypeOf<AddQueueMembersResult["successes"][number]["input"]>().toEqualTypeOf<string>();
    expectTypeOf<AddQueueMembersResult["successes"][number]["data"]>().toEqualTypeOf<string>();
    expectTypeOf<
      AddQueueMembersResult["failures"][number]["error"]
    >().toEqualTypeOf<QueueMemberFailure>();
    // @ts-expect-error csid is a number
    expectTypeOf<DixaClient["queues"]["getConversationPosition"]>().toBeCallableWith("4711");
  });
});
