/**
 * Paging keeps one page in memory whatever the pageKeys (issue 19.14): loop detection used to
 * keep every key, so 200 pages of 1 MB keys grew the heap by 400 MB. Measured in a
 * process of its own, after full collections, so nothing else's garbage counts.
 */
import { execFile } from "node:child_process";
import { expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

it("100 pages with 1 MB pageKeys grow memory by far less than the keys", async () => {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "test/integration/page-key-memory.scenario.ts"],
      { cwd: projectRoot, timeout: 120_000, maxBuffer: 1024 * 1024 },
      (error, out, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(out),
    );
  });
  const { pages, growthMb } = JSON.parse(stdout) as { pages: number; growthMb: number };
  expect(pages).toBe(100);
  // The keys alone weigh 95 MB over pages 5 to 100 (keeping them grew memory by 100 to 170 MB); a
  // bounded digest keeps a few kB of them.
  expect(growthMb).toBeLessThan(40);
});
