import { createDixaClient } from "../../src/index.js";
import { createDixaSandbox } from "../../src/testing/index.js";
import { beforeEach, expect, it } from "vitest";

const sandbox = createDixaSandbox();
const dixa = createDixaClient({ apiKey: "test-token", fetch: sandbox.fetch });
beforeEach(() => sandbox.reset());

// Your code: posts a ticket's notes and returns the messages Dixa refused.
async function postNotes(conversationId: number, notes: { message: string; agentId?: string }[]) {
  const { failures } = await dixa.notes.createMany(conversationId, notes, { chunkSize: 10 });
  return failures.map((failure) => failure.input.message);
}

it("returns the notes Dixa refused, and only those", async () => {
  const refused = await postNotes(4711, [
    { message: "Called the customer back" },
    { message: "Signed by a stranger", agentId: "00000000-0000-4000-8000-00000000dead" },
  ]);
  expect(refused).toEqual(["Signed by a stranger"]);
  const notes = await dixa.notes.list(4711);
  expect(notes.map((note) => note.message)).toContain("Called the customer back");
});

it("pages through every agent, even after a 503", async () => {
  sandbox.faults.next({ status: 503 });
  const agents = await dixa.agents.list({ pageLimit: 2 }).toArray();
  expect(agents.map((agent) => agent.id)).toEqual(sandbox.agents.map((agent) => agent.id));
  expect(sandbox.requests.map((request) => request.status)).toEqual([503, 200, 200, 200]);
});

it("meets Dixa's 429 when it sends too fast", async () => {
  const hasty = createDixaClient({
    apiKey: "hasty-token",
    fetch: sandbox.fetch,
    rateLimit: false, // no client-side limiter...
    retry: false, // ...and no retries: the 429s reach the caller
  });
  const calls = Array.from({ length: 6 }, () => hasty.raw.GET("/beta/organization"));
  const statuses = (await Promise.all(calls)).map(({ response }) => response.status);
  expect(statuses).toContain(429); // Dixa lets 4 through at once
});
