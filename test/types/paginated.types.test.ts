import { describe, expectTypeOf, it } from "vitest";
import type { Agent, DixaClient, Page, Paginated } from "../../src/index.js";

type AgentList = ReturnType<DixaClient["agents"]["list"]>;

describe("a paged list is typed as a Promise of its first page", () => {
  it("then, catch and finally as Promise<Page<Item>> has them", () => {
    expectTypeOf<AgentList>().toEqualTypeOf<Paginated<Agent>>();
    expectTypeOf<AgentList>().toExtend<Promise<Page<Agent>>>();
    expectTypeOf<AgentList>().resolves.toEqualTypeOf<Page<Agent>>();
    const list = {} as AgentList;
    expectTypeOf(list.catch(() => 0)).toEqualTypeOf<Promise<Page<Agent> | number>>();
    expectTypeOf(list.catch()).toEqualTypeOf<Promise<Page<Agent>>>();
    expectTypeOf(list.finally(() => undefined)).toEqualTypeOf<Promise<Page<Agent>>>();
    expectTypeOf(list.then((page) => page.items)).toEqualTypeOf<Promise<Agent[]>>();
    // Where a Promise is expected, a list goes (Promise.race, a function taking a Promise).
    const asPromise: Promise<Page<Agent>> = list;
    expectTypeOf(Promise.race([list])).toEqualTypeOf<Promise<Page<Agent>>>();
    expectTypeOf(asPromise).toEqualTypeOf<Promise<Page<Agent>>>();
  });
});
