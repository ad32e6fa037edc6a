/**
 * How the Redis limiter reads the step script's answer: on the common path Redis's clock alone
 * (an integer, microseconds) stands for "the one waiter went, nobody else waits, the epoch as
 * expected"; anything else is the full answer. An answer that fits neither is an error naming it.
 */
import { expect, it } from "vitest";
import type { ScriptRunner } from "../../src/redis/redis-client.js";
import { step, type StepRequest } from "../../src/redis/shared-record.js";
import type { LuaScript } from "../../src/redis/scripts.js";

const script: LuaScript = { name: "step", source: "-- not run here" };
const answering =
  (reply: unknown): ScriptRunner =>
  async () =>
    reply;

const oneWaiter: StepRequest = {
  waiters: ["abc-1:1"],
  leaving: [],
  updates: [],
  maxAdmit: 1,
  expectedEpoch: "e1",
  newEpoch: "e2",
};

it("reads the common path's clock as the one waiter admitted, in milliseconds", async () => {
  const reply = await step(answering(1_796_650_631_772_155), script, [], oneWaiter);
  expect(reply).toEqual({
    admitted: ["abc-1:1"],
    now: 1_796_650_631_772.155,
    earliestStart: undefined,
    waitMs: undefined,
    epoch: "e1",
    position: undefined,
    epochMatched: true,
    others: 0,
  });
});

it.each([
  ["a clock for a step without one waiter", 1_796_650_631_772_155, { ...oneWaiter, waiters: [] }],
  ["a clock that is not a whole number", 17.5, oneWaiter],
  ["an array of the wrong length", [[], "1"], oneWaiter],
])("rejects %s, naming the answer", async (_what, answer, request) => {
  await expect(step(answering(answer), script, [], request)).rejects.toThrow(
    /^unexpected answer from the step script: /,
  );
});
