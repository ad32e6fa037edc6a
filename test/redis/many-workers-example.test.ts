/**
 * examples/many-workers.ts as a reader runs it (no DIXA_API_KEY, no REDIS_URL): it starts a Prism
 * mock and a redis-server, forks two workers that share the limit, and prints what they did.
 */
import { execFile } from "node:child_process";
import { expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

it("two worker processes share one limit through Redis, and everything stops afterwards", async () => {
  const env = { ...process.env };
  delete env["DIXA_API_KEY"];
  delete env["REDIS_URL"];
  const { code, stdout, stderr } = await new Promise<{
    code: number;
    stdout: string;
    stderr: string;
  }>((resolve) =>
    execFile(
      process.execPath,
      ["--import", "tsx", "examples/many-workers.ts", "--calls", "12"],
      { cwd: projectRoot, env, timeout: 90_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    ),
  );
  expect(stderr).toContain("Prism mock");
  expect(stderr).toContain("redis-server");
  expect(code).toBe(0);
  const lines = stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^worker A: 12 calls started over \d+\.\d s$/);
  expect(lines[1]).toMatch(/^worker B: 12 calls started over \d+\.\d s$/);
  const [, most] = /at most (\d+) started in any one second/.exec(lines[2] ?? "") ?? [];
  expect(lines[2]).toMatch(/^together: 24 calls over \d+\.\d s/);
  // 24 calls at 10/s take over 2 s: alone, each worker would have sent its 12 at 10/s in ~1 s.
  expect(Number(most)).toBeLessThanOrEqual(10);
  const [, overSeconds] = /over (\d+\.\d) s/.exec(lines[2]!) ?? [];
  expect(Number(overSeconds)).toBeGreaterThanOrEqual(1.8);
}, 120_000);
