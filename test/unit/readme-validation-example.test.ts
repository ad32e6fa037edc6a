import { describe, expect, it } from "vitest";
import { createDixaClient, createDriftRecorder } from "../../src/index.js";
import { DixaResponseValidationError } from "../../src/index.js";
import { createDixaSandbox } from "../../src/testing/index.js";

const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";

describe("my sync when Dixa's answers drift from its description", () => {
  it("refuses an agent without an email in strict mode", async () => {
    const sandbox = createDixaSandbox();
    const dixa = createDixaClient({
      apiKey: "test-token",
      fetch: sandbox.fetch,
      validateResponses: "strict",
    });
    // The next answer of this operation comes without the agent's email.
    sandbox.faults.next({
      path: "/beta/agents/{agentId}",
      deviate: [{ at: "/data/email", remove: true }],
    });
    const error = await dixa.agents.get(agentId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DixaResponseValidationError);
    expect((error as DixaResponseValidationError).mismatches[0]).toMatchObject({
      pointer: "/data/email",
      kind: "missing",
      expected: "string",
      received: "nothing",
    });
  });

  it("keeps going in warn mode and tallies what differs", async () => {
    const sandbox = createDixaSandbox();
    const drift = createDriftRecorder();
    const dixa = createDixaClient({
      apiKey: "test-token",
      fetch: sandbox.fetch,
      validateResponses: "warn",
      onEvent: drift.record,
    });
    // In the next page, every agent's `createdAt` comes as epoch seconds, not a timestamp.
    sandbox.faults.next({
      path: "/beta/agents",
      deviate: [{ at: "/data/*/createdAt", set: 1_700_000_000 }],
    });
    for await (const agent of dixa.agents.list()) void agent;
    expect(drift.rows()).toMatchObject([
      { operationId: "getAgents", pointer: "/data/*/createdAt", kind: "type", count: 6 },
    ]);
  });
});
