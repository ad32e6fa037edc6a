import { execFile } from "node:child_process";
import { expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

it("a throwing onEvent hook neither fails a call that succeeded nor loses its error", async () => {
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "test/faults/throwing-event-hook.scenario.ts"],
      { cwd: projectRoot, timeout: 20_000 },
      (error, out, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(out),
    );
  });
  const result = JSON.parse(stdout) as {
    outcome: string;
    bulk: { successes: number[]; failures: number };
    sent: number;
    surfaced: string[];
  };
  // The note was created once and the caller sees it; the bulk call kept every item; and each
  // hook failure still shows, once.
  expect(result.outcome).toBe("resolved n1");
  expect(result.bulk).toEqual({ successes: [0, 1, 2, 3], failures: 0 });
  expect(result.sent).toBe(3);
  expect(result.surfaced).toEqual(["hook failed on call-end", "hook failed on request 2"]);
});
