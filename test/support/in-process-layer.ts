/**
 * Setup file of the in-process layer (vitest project "unit"). Its files share worker processes
 * (no per-file isolation, for speed), so two things are enforced here:
 * - no child process: a test that needs one belongs to the integration layer, and starting one
 *   here fails with that said, instead of slowing the contributor's loop unnoticed;
 * - nothing a file changes in the shared process outlives it: fake timers, stubbed globals and
 *   environment variables are restored after each file.
 */
import { createRequire, syncBuiltinESMExports } from "node:module";
import { afterAll, vi } from "vitest";

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

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
