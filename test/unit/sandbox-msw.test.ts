/**
 * The sandbox behind Mock Service Worker, as suites that already use MSW would wire it: the
 * client keeps the global fetch, MSW intercepts it and hands Dixa's requests to the sandbox.
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDixaClient, DixaNetworkError } from "../../src/index.js";
import { createDixaSandbox, dixaSandboxHandlers } from "../../src/testing/index.js";

const sandbox = createDixaSandbox();
const server = setupServer(...dixaSandboxHandlers(sandbox, http));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => sandbox.reset());
afterAll(() => server.close());

describe("dixaSandboxHandlers", () => {
  it("answers the client's requests without a fetch option: bulk per input, pages", async () => {
    const dixa = createDixaClient({ apiKey: "msw-token" });
    const { successes, failures } = await dixa.notes.createMany(4711, [
      { message: "kept" },
      { message: "refused", agentId: "00000000-0000-4000-8000-00000000dead" },
    ]);
    expect(successes.map((s) => s.index)).toEqual([0]);
    expect(failures.map((f) => f.index)).toEqual([1]);
    const pages = [];
    for await (const page of dixa.agents.list({ pageLimit: 4 }).pages())
      pages.push(page.items.length);
    expect(pages).toEqual([4, 2]);
    expect(sandbox.requests.map((r) => r.operationId)).toEqual([
      "postConversationsConversationidNotesBulk",
      "getAgents",
      "getAgents",
    ]);
  });

  it("turns a reset fault into MSW's network error", async () => {
    sandbox.faults.next({ reset: true });
    const dixa = createDixaClient({ apiKey: "msw-token", retry: false });
    await expect(dixa.organization.get()).rejects.toBeInstanceOf(DixaNetworkError);
  });

  it("serves another base URL when told, and refuses what is not MSW's http", async () => {
    const other = createDixaSandbox();
    server.use(...dixaSandboxHandlers(other, http, { baseUrl: "https://dixa.test/" }));
    const dixa = createDixaClient({ apiKey: "msw-token", baseUrl: "https://dixa.test" });
    expect((await dixa.organization.get()).name).toBe("Example Organization");
    expect(other.requests).toHaveLength(1);
    expect(() => dixaSandboxHandlers(other, {} as typeof http)).toThrow(TypeError);
    expect(() => dixaSandboxHandlers(other, http, { baseUrl: "dixa.test" })).toThrow(/baseUrl/);
  });
});
