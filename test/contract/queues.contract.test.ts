import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData, exampleRequest } from "./spec-examples.js";

const queueId = "0bf82493-ae46-4c49-aa29-0422136269be";

describe("queues against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    expect(await client.queues.list()).toEqual(exampleData("getQueues"));
  });

  it("get", async () => {
    expect(await client.queues.get(queueId)).toEqual(exampleData("getQueuesQueueid"));
  });

  it("create (the spec gives no answer example: Prism builds one from the schema)", async () => {
    expect(exampleData("postQueues")).toBeUndefined();
    const queue = await client.queues.create(exampleRequest("postQueues"));
    expect(queue).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      isDefault: expect.any(Boolean),
      organizationId: expect.any(String),
      queueThresholds: expect.any(Object),
      slaCalculationMethod: expect.any(String),
      doNotOfferTimeouts: expect.any(Object),
      isDoNotOfferEnabled: expect.any(Boolean),
    });
  });

  it("listMembers", async () => {
    expect(await client.queues.listMembers(queueId)).toEqual(
      exampleData("getQueuesQueueidMembers"),
    );
  });

  it("addMembers (the example answers one success, then two failures)", async () => {
    const outcomes = exampleData("patchQueuesQueueidMembers");
    expect(outcomes).toHaveLength(3);
    const agentIds = [
      "b41558f2-3807-44ef-8abf-a73d5ef68ff6",
      "914a6e19-cab7-41a7-b41b-517e0ed56161",
      "7fecdb7e-9e37-45ef-be5e-0c14d6687aa0",
    ];
    const result = await client.queues.addMembers(queueId, { agentIds });
    expect(result.successes).toEqual([{ index: 0, input: agentIds[0], data: outcomes[0].data }]);
    expect(result.failures).toEqual([
      { reason: "rejected", index: 1, input: agentIds[1], error: outcomes[1].error },
      { reason: "rejected", index: 2, input: agentIds[2], error: outcomes[2].error },
    ]);
  });

  it("removeMembers", async () => {
    await expect(
      client.queues.removeMembers(queueId, exampleRequest("deleteQueuesQueueidMembers")),
    ).resolves.toBeUndefined();
  });

  it("getAvailability", async () => {
    expect(await client.queues.getAvailability(queueId)).toEqual(
      exampleData("getQueuesQueueidAvailability"),
    );
  });

  it("getConversationPosition", async () => {
    expect(await client.queues.getConversationPosition(9456)).toEqual(
      exampleData("getQueuesConversation-positionCsid"),
    );
  });
});
