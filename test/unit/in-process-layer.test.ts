/**
 * The in-process layer refuses child processes (test/support/in-process-layer.ts), so a test
 * that needs one cannot land in the contributor's loop unnoticed.
 */
import { execFile, spawn } from "node:child_process";
import { expect, it } from "vitest";

it("a test of the in-process layer cannot start a process", () => {
  const refusal = (name: string) =>
    `child_process.${name} in the in-process layer: a test that starts a process belongs to the integration layer`;
  expect(() => spawn(process.execPath, ["-e", ""])).toThrow(refusal("spawn"));
  expect(() => execFile(process.execPath, ["-e", ""])).toThrow(refusal("execFile"));
});
