import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData, exampleRequest } from "./spec-examples.js";

const userId = "434ce9f5-14c8-4be1-a0a8-f755010deb9b";

/** Checks a bulk answer against the spec's example outcomes, index by index. */
function expectOutcomesLikeExample(
  result: {
    successes: Array<{ index: number; input: unknown; data: unknown }>;
    failures: Array<{ index: number; input: unknown; error: unknown }>;
  },
  inputs: readonly unknown[],
  example: Array<{ data?: unknown; error?: unknown }>,
) {
  expect(result.successes.length + result.failures.length).toBe(inputs.length);
  const expectedSuccesses = example.flatMap((outcome, index) =>
    "data" in outcome ? [{ index, input: inputs[index], data: outcome.data }] : [],
  );
  const expectedFailures = example.flatMap((outcome, index) =>
    "error" in outcome
      ? [{ reason: "rejected", index, input: inputs[index], error: outcome.error }]
      : [],
  );
  expect(result.successes).toEqual(expectedSuccesses);
  expect(result.failures).toEqual(expectedFailures);
  for (const outcome of [...result.successes, ...result.failures]) {
    expect(outcome.input).toBe(inputs[outcome.index]);
  }
}

describe("endUsers against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    const endUsers = await client.endUsers.list({ email: "enduser.0@example.org" }).toArray();
    expect(endUsers).toEqual(exampleData("getEndusers"));
  });

  it("get", async () => {
    expect(await client.endUsers.get(userId)).toEqual(exampleData("getEndusersUserid"));
  });

  it("create", async () => {
    const created = await client.endUsers.create(exampleRequest("postEndusers"));
    expect(created).toEqual(exampleData("postEndusers"));
  });

  it("createMany (the example answers 4 successes, then 1 failure)", async () => {
    const example = exampleData("postEndusersBulk");
    expect(example).toHaveLength(5);
    const inputs = Array.from({ length: 5 }, (_, i) => ({
      displayName: `End user ${i}`,
      email: `enduser.${i}@example.org`,
    }));
    const result = await client.endUsers.createMany(inputs);
    expectOutcomesLikeExample(result, inputs, example);
    expect(result.failures.map((f) => f.index)).toEqual([4]);
  });

  it("update", async () => {
    const updated = await client.endUsers.update(userId, exampleRequest("putEndusersUserid"));
    expect(updated).toEqual(exampleData("putEndusersUserid"));
  });

  it("updateMany (the example answers a success, then a failure)", async () => {
    const example = exampleData("putEndusers");
    expect(example).toHaveLength(2);
    const [first] = exampleRequest("putEndusers").data;
    const inputs = [first, { id: "8fe8f4c3-7bc6-4767-924a-d9afa7ac7009", displayName: "Bob" }];
    const result = await client.endUsers.updateMany(inputs);
    expectOutcomesLikeExample(result, inputs, example);
    expect(result.successes.map((s) => s.index)).toEqual([0]);
    expect(result.failures.map((f) => f.index)).toEqual([1]);
  });

  it("patch", async () => {
    const patched = await client.endUsers.patch(userId, exampleRequest("patchEndusersUserid"));
    expect(patched).toEqual(exampleData("patchEndusersUserid"));
  });

  it("patchMany (the example answers a success, then a failure)", async () => {
    const example = exampleData("patchEndusers");
    expect(example).toHaveLength(2);
    const inputs = [
      { id: "43b1fe06-a7c4-4f34-8e48-b0559e6acdb9", displayName: "Alice Brown" },
      { id: "ace11abb-4ed0-42bd-9e3b-4ef6db58e0aa", phoneNumber: "+551155256325" },
    ];
    const result = await client.endUsers.patchMany(inputs);
    expectOutcomesLikeExample(result, inputs, example);
  });

  it("anonymize (202 with the queued request)", async () => {
    const request = await client.endUsers.anonymize(userId, { force: true });
    expect(request).toEqual(exampleData("patchEndusersUseridAnonymize"));
  });

  it("updateCustomAttributes", async () => {
    const attributes = await client.endUsers.updateCustomAttributes(
      userId,
      exampleRequest("patchEndusersUseridCustom-attributes"),
    );
    expect(attributes).toEqual(exampleData("patchEndusersUseridCustom-attributes"));
  });

  it("listConversations", async () => {
    const conversations = await client.endUsers
      .listConversations(userId, { pageLimit: 10 })
      .toArray();
    expect(conversations).toEqual(exampleData("getEndusersUseridConversations"));
  });
});
