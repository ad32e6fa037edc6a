import { describe, expectTypeOf, it } from "vitest";
import type {
  Agent,
  CreateNoteInput,
  DixaClient,
  DixaEndpoints,
  InternalNote,
} from "../../src/index.js";

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
