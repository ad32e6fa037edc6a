/**
 * A user's hook never changes a call's outcome and never ends the process (issues 19.5, 20.5):
 * run in a process of its own with no uncaughtException or unhandledRejection handler, so an
 * escaped hook error would kill it before it reports.
 */
import { execFile } from "node:child_process";
import { expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

interface ScenarioResult {
  outcomes: Record<string, unknown>;
  sent: number;
  reported: Array<{ message: string; info: Record<string, unknown> }>;
  logged: string[];
}

it("throwing hooks: the process lives, every result arrives, each error is reported once", async () => {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "test/faults/throwing-event-hook.scenario.ts"],
      { cwd: projectRoot, timeout: 30_000 },
      (error, out, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(out),
    );
  });
  const result = JSON.parse(stdout) as ScenarioResult;
  // Every note was created once and its caller got it; the bulk call kept every item.
  expect(result.outcomes).toEqual({
    onEvent: "n1",
    async: "n1",
    tracing: "n1",
    onResponse: "n1",
    bulk: { successes: [0, 1, 2], failures: 0 },
    defaults: "n1",
  });
  expect(result.sent).toBe(8);
  // Each hook error reached onHookError once, saying which hook, event and operation.
  const create = { method: "POST", pathTemplate: "/beta/conversations/{conversationId}/notes" };
  const bulk = { method: "POST", pathTemplate: "/beta/conversations/{conversationId}/notes/bulk" };
  expect(result.reported).toEqual([
    {
      message: "hook failed on call-end",
      info: { hook: "onEvent", eventType: "call-end", callId: expect.any(Number), ...create },
    },
    {
      message: "async hook failed",
      info: { hook: "onEvent", eventType: "response", callId: expect.any(Number), ...create },
    },
    {
      message: "the tracer and your onEvent hook both threw",
      info: { hook: "onEvent", eventType: "call-start", callId: expect.any(Number), ...create },
    },
    { message: "onResponse failed", info: { hook: "onResponse", ...create } },
    ...Array.from({ length: 3 }, () => ({
      message: "onResponse failed",
      info: { hook: "onResponse", ...bulk },
    })),
  ]);
  // Without onHookError: logged once, saying what failed, the token removed.
  expect(result.logged).toHaveLength(1);
  expect(result.logged[0]).toMatch(
    /^dixa-beta: your onEvent hook threw on a request event of POST \/beta\/conversations\/\{conversationId\}\/notes; the call went on/,
  );
  expect(result.logged[0]).toContain("logger broke, token [redacted]");
  expect(result.logged[0]).not.toContain("hook-test-key-SECRET-77");
});
