/**
 * Setup file of the in-process layer (vitest project "unit"). Its files share worker processes
 * (no per-file isolation, for speed), so two things are enforced here:
 * - no child process: a test that needs one belongs to the integration layer, and starting one
 *   here fails with that said, instead of slowing the contributor's loop unnoticed;
 * - nothing a file changes in the shared process outlives it: fake timers, stubbed globals and
 *   environment variables are restored after each file.
 */
import { createRequire, syncBuiltinESMExports } from "node:module";
import { afterAll, beforeAll, expect, vi } from "vitest";

const childProcess = createRequire(import.meta.url)("node:child_process") as Record<
  string | symbol,
  unknown
>;
const starters = ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"];
const refused = Symbol.for("dixa-beta.in-process-layer");

if (!(refused in childProcess)) {
  for (const name of starters) {
    childProcess[name] = () => {
      throw new Error(
        `child_process.${name} in the in-process layer: a test that starts a process belongs to ` +
          "the integration layer (see vitest.config.ts)",
      );
    };
  }
  childProcess[refused] = true;
  syncBuiltinESMExports();
}

/**
 * The clock's functions as the process started with them, taken by the first file of the worker
 * (the setup file runs again for each file; the globals it finds later may be a leftover).
 */
const clockKey = Symbol.for("dixa-beta.in-process-clock");
const clock = ((globalThis as { [clockKey]?: Record<string, unknown> })[clockKey] ??= {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  setInterval: globalThis.setInterval,
  clearInterval: globalThis.clearInterval,
  Date: globalThis.Date,
  performanceNow: performance.now,
});

/** The clock's functions a file left replaced (put back as they are found). */
function clockLeftReplaced(): string[] {
  const left: string[] = [];
  const globals = globalThis as unknown as Record<string, unknown>;
  for (const name of ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"]) {
    if (globals[name] !== clock[name]) {
      left.push(name);
      globals[name] = clock[name];
    }
  }
  if (performance.now !== clock.performanceNow) {
    left.push("performance.now");
    performance.now = clock.performanceNow as typeof performance.now;
  }
  return left;
}

const lastFileKey = Symbol.for("dixa-beta.in-process-last-file");
const shared = globalThis as { [lastFileKey]?: string };

// A fake clock that outlives its file hangs a later file's timers: a `vi.spyOn` on a faked
// setTimeout, restored inside its test, was restored once more by vitest after the file's hooks
// and put the fake back for every later file of the worker. So each file starts by checking the
// clock, and fails naming the file that left it, after putting it back.
beforeAll(() => {
  const left = clockLeftReplaced();
  if (left.length > 0) {
    throw new Error(
      `${shared[lastFileKey] ?? "an earlier file"} left ${left.join(", ")} replaced (a fake clock or a spy on it)`,
    );
  }
});

afterAll(() => {
  shared[lastFileKey] = expect.getState().testPath;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
