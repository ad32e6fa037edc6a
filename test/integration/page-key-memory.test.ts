/**
 * Paging keeps one page in memory whatever the pageKeys (issue 19.14): loop detection used to
 * keep every key, so 200 pages of 1 MB keys grew the heap by 400 MB. Measured in a process of
 * its own, after full collections, so nothing else's garbage counts; a control run that keeps
 * the keys itself shows the measure sees them.
 */
import { execFile } from "node:child_process";
import { expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

type Outcome = { pages: number; kept: number; growthMb: number };
const listing = (...args: string[]) =>
  new Promise<Outcome>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "test/integration/page-key-memory.scenario.ts", ...args],
      { cwd: projectRoot, timeout: 120_000, maxBuffer: 1024 * 1024 },
      (error, out, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(out)),
    );
  });

it("100 pages with 1 MB pageKeys grow memory by far less than the keys", async () => {
  const [client, control] = [await listing(), await listing("keep")];
  expect(client.pages).toBe(100);
  // The keys from page 5 on weigh 95 MB: kept, they show as about 90 MB of growth; the client's
  // bounded digest keeps a few kB of them.
  expect(control.kept).toBe(99);
  expect(control.growthMb).toBeGreaterThan(80);
  expect(client.growthMb).toBeLessThan(10);
});
