import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleBody, exampleData, exampleRequest } from "./spec-examples.js";

const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";

describe("agents against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    expect(await client.agents.list({ pageLimit: 10 }).toArray()).toEqual(exampleData("getAgents"));
  });

  it("get", async () => {
    expect(await client.agents.get(agentId)).toEqual(exampleData("getAgentsAgentid"));
  });

  it("create", async () => {
    const agent = await client.agents.create(exampleRequest("postAgents"));
    expect(agent).toEqual(exampleData("postAgents"));
  });

  it("createMany (the example answers four successes, then one failure)", async () => {
    const agents = Array.from({ length: 5 }, (_, i) => ({
      displayName: `Agent ${i}`,
      email: `agent.${i}@example.org`,
    }));
    const outcomes = exampleData("postAgentsBulk");
    expect(outcomes).toHaveLength(5);
    const result = await client.agents.createMany(agents);
    expect(result.successes.map((s) => [s.index, s.input, s.data])).toEqual(
      [0, 1, 2, 3].map((i) => [i, agents[i], outcomes[i].data]),
    );
    expect(result.failures).toEqual([
      { reason: "rejected", index: 4, input: agents[4], error: outcomes[4].error },
    ]);
  });

  it("update", async () => {
    const agent = await client.agents.update(agentId, exampleRequest("putAgentsAgentid"));
    expect(agent).toEqual(exampleData("putAgentsAgentid"));
  });

  it("updateMany (the example answers one success)", async () => {
    const items = exampleRequest("putAgents");
    expect(items).toHaveLength(1);
    const result = await client.agents.updateMany(items);
    expect(result.failures).toEqual([]);
    expect(result.successes).toEqual([
      { index: 0, input: items[0], data: exampleData("putAgents")[0].data },
    ]);
  });

  it("patch", async () => {
    const agent = await client.agents.patch(agentId, exampleRequest("patchAgentsAgentid"));
    expect(agent).toEqual(exampleData("patchAgentsAgentid"));
  });

  it("patchMany (the example answers one success, then one failure)", async () => {
    const patches = exampleRequest("patchAgents");
    const outcomes = exampleData("patchAgents");
    expect(patches).toHaveLength(2);
    expect(outcomes).toHaveLength(2);
    const result = await client.agents.patchMany(patches);
    expect(result.successes).toEqual([{ index: 0, input: patches[0], data: outcomes[0].data }]);
    expect(result.failures).toEqual([
      { reason: "rejected", index: 1, input: patches[1], error: outcomes[1].error },
    ]);
  });

  it("delete", async () => {
    await expect(client.agents.delete(agentId)).resolves.toBeUndefined();
  });

  it("listTeams", async () => {
    expect(await client.agents.listTeams(agentId)).toEqual(exampleData("getAgentsAgentidTeams"));
  });

  it("listPresence (a bare list in the spec, not a { data } envelope)", async () => {
    // exampleData() reads `.data`, which this example does not have: compare the whole body.
    expect(await client.agents.listPresence()).toEqual(exampleBody("getAgentsPresence"));
  });

  it("getPresence", async () => {
    expect(await client.agents.getPresence(agentId)).toEqual(
      exampleData("getAgentsAgentidPresence"),
    );
  });

  it("setWorkingChannel", async () => {
    await expect(
      client.agents.setWorkingChannel(
        agentId,
        exampleRequest("putAgentsAgentidPresenceWorking-channel"),
      ),
    ).resolves.toBeUndefined();
  });
});
