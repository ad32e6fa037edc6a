import { createDixaClient, type Agent } from "../../src/index.js";
import { createDixaSandbox } from "../../src/testing/index.js";
import { expect, it } from "vitest";

const sandbox = createDixaSandbox({ listSize: 10 });
const dixa = createDixaClient({ apiKey: "test-token", fetch: sandbox.fetch });
const checkpoints = new Map<string, string>(); // in your app: a table, a file, a Redis key

// Your sync: imports agents page by page, saving after each page where to continue.
async function syncAgents(importAgents: (agents: Agent[]) => Promise<void>) {
  const saved = checkpoints.get("agents"); // undefined the first time: start at the beginning
  for await (const page of dixa.agents.list({ pageLimit: 2, pageKey: saved }).pages()) {
    await importAgents(page.items);
    // Saved after the page is imported: a crash before this line imports the page again.
    if (page.nextPageKey === undefined) checkpoints.delete("agents");
    else checkpoints.set("agents", page.nextPageKey);
  }
}

it("resumes after a crash with the pages not yet imported, each once", async () => {
  const imported: string[] = [];
  let pages = 0;
  const crashOnPageThree = async (agents: Agent[]) => {
    if (++pages === 3) throw new Error("crashed");
    imported.push(...agents.map((agent) => agent.id));
  };
  await expect(syncAgents(crashOnPageThree)).rejects.toThrow("crashed");
  await syncAgents(async (agents) => void imported.push(...agents.map((agent) => agent.id)));
  expect(imported).toEqual(sandbox.agents.map((agent) => agent.id));
  expect(sandbox.requests).toHaveLength(3 + 3); // pages 1-3, then 3-5: none of 1-2 again
});
