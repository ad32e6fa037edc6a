import { describe, expectTypeOf, it } from "vitest";
import type {
  Agent,
  CreateManyNotesResult,
  CreateNoteInput,
  DixaClient,
  DixaEndpoints,
  InternalNote,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";
import type { ResponseData } from "../../src/types.js";

describe("facade types come from the generated spec", () => {
  it("notes", () => {
    expectTypeOf<InternalNote>().toEqualTypeOf<components["schemas"]["InternalNoteData"]>();
    expectTypeOf<CreateNoteInput>().toEqualTypeOf<
      components["schemas"]["CreateInternalNoteInput"]
    >();
    expectTypeOf<DixaClient["notes"]["list"]>().returns.resolves.toEqualTypeOf<InternalNote[]>();
    expectTypeOf<ResponseData<"/beta/conversations/{conversationId}/notes", "get">>().toEqualTypeOf<
      components["schemas"]["InternalNoteData"][]
    >();
    expectTypeOf<
      CreateManyNotesResult["successes"][number]["data"]
    >().toEqualTypeOf<InternalNote>();
    expectTypeOf<
      CreateManyNotesResult["successes"][number]["input"]
    >().toEqualTypeOf<CreateNoteInput>();
  });

  it("agents", () => {
    expectTypeOf<Agent>().toEqualTypeOf<components["schemas"]["Agent"]>();
    expectTypeOf<Parameters<DixaClient["agents"]["list"]>[0]>().toEqualTypeOf<
      { pageLimit?: number; email?: string; phone?: string; pageKey?: string } | undefined
    >();
  });

  it("rejects wrong argument types", () => {
    // @ts-expect-error conversation ids are numbers
    expectTypeOf<DixaClient["notes"]["list"]>().toBeCallableWith("123");
    // @ts-expect-error a note needs a message
    expectTypeOf<DixaClient["notes"]["create"]>().toBeCallableWith(1, { agentId: "x" });
  });
});

describe("DixaEndpoints: every operation's types, by facade call", () => {
  it("is keyed by facade call", () => {
    type Calls = keyof DixaEndpoints;
    expectTypeOf<"notes.create">().toExtend<Calls>();
    expectTypeOf<"agents.list">().toExtend<Calls>();
    // Every key is a `resource.method` call.
    expectTypeOf<Exclude<Calls, `${string}.${string}`>>().toBeNever();
  });

  it("names the same types as the facade's methods and named types", () => {
    expectTypeOf<DixaEndpoints["notes.create"]["body"]>().toEqualTypeOf<CreateNoteInput>();
    expectTypeOf<DixaEndpoints["notes.create"]["data"]>().toEqualTypeOf<InternalNote>();
    expectTypeOf<DixaEndpoints["agents.list"]["item"]>().toEqualTypeOf<Agent>();
    expectTypeOf<DixaClient["notes"]["create"]>().returns.resolves.toEqualTypeOf<
      DixaEndpoints["notes.create"]["data"]
    >();
  });
});
