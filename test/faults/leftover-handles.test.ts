import { execFile } from "node:child_process";
import { expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

it("a process that used the client through every kind of failure exits on its own", async () => {
  const started = Date.now();
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    const child = execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        "--unhandled-rejections=strict",
        "test/faults/leftover-handles.scenario.ts",
      ],
      { cwd: projectRoot, timeout: 12_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const kinds = JSON.parse(stdout) as string[];
  expect(kinds).toContain("ok");
  expect(kinds).toContain("aborted");
  expect(kinds).toContain("timeout");
  // The default timeout is 30 s: a timer left running would keep the process alive that long.
  expect(Date.now() - started).toBeLessThan(10_000);
});
