/**
 * The test suite in three layers (README "Working on this repository"):
 * - in-process (project "unit", `npm run test:fast`, `npm run test:watch`): no child process,
 *   loopback servers in the same process are fine. The contributor's loop.
 * - integration (projects "integration", "contract", "redis" and "real-time";
 *   `npm run test:integration`): what needs processes: the scripts, examples and the demo,
 *   Prism, redis-server, servers in their own process.
 * - package (project "package", then scripts/test-package.ts and TypeDoc; `npm run
 *   test:package`): the built dist/, built once per `npm test`.
 * The type tests (test/types/) are not here: they assert at compile time, and `npm run
 * typecheck` is what checks them.
 */
import { defineConfig } from "vitest/config";

/**
 * Files that start a child process but live in a folder of the in-process layer; they run in
 * the integration layer until they move to test/integration/.
 */
const startProcesses = [
  "test/faults/leftover-handles.test.ts",
  "test/faults/throwing-event-hook.test.ts",
  "test/webhooks/example-receiver.test.ts",
];
/**
 * Real time is their subject: arrivals at a server in its own process, timed by its clock,
 * beside a CPU-bound process the test starts. They run alone, after the rest of the layer.
 */
const realTime = ["test/faults/rate-limit.test.ts"];
/**
 * No process, but a whole TypeScript program type-checked in the test: tens of seconds of CPU,
 * too slow for the loop, so it runs with the integration layer.
 */
const compilerRuns = ["test/unit/doc-examples.test.ts"];
/** test/scripts/ runs scripts in processes, except these, which call script modules in-process. */
const inProcessScriptTests = [
  "test/scripts/spec-changes.test.ts",
  "test/scripts/spec-document.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machine this runs on has 2 cores; vitest's default (cores - 1) would run one file at
    // a time.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "test/unit/**/*.test.ts",
            "test/faults/**/*.test.ts",
            "test/webhooks/**/*.test.ts",
            "test/otel/**/*.test.ts",
            ...inProcessScriptTests,
          ],
          exclude: [...startProcesses, ...realTime, ...compilerRuns],
          // Files share a worker instead of a fresh one each (a third of the layer's time went
          // to starting them); the setup file refuses child processes and restores what a file
          // may leave behind (timers, globals, env).
          isolate: false,
          setupFiles: ["test/support/in-process-layer.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // Each test starts processes that compile TypeScript or render the spec: minutes of
          // CPU on a busy 2-core machine, where time is not what they test.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          include: [
            "test/scripts/**/*.test.ts",
            "test/integration/**/*.test.ts",
            "test/package/examples.test.ts",
            ...startProcesses,
            ...compilerRuns,
          ],
          exclude: inProcessScriptTests,
          // Where runScript's compiled scripts go for this run (see test/support/run-script.ts).
          globalSetup: ["test/support/script-bundles.ts"],
          // Files share their worker's modules (none mocks or stubs anything): the modules they
          // import are loaded, and each script runScript runs is compiled, once per worker, not
          // once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "real-time",
          include: realTime,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          // Real redis-server and several worker processes per test: heavy and timing-sensitive,
          // so these files run one at a time, after the other projects are done.
          name: "redis",
          include: ["test/redis/**/*.test.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          // One Prism for the whole contract run, shared by every file.
          globalSetup: ["test/contract/prism-setup.ts"],
          // Files share their worker's modules, so the 533 kB spec is parsed once per worker
          // (test/contract/spec-examples.ts, operation-arguments.ts), not once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "package",
          include: ["test/package/**/*.test.ts"],
          exclude: ["test/package/examples.test.ts"],
          // dist/ as `npm run build` makes it, built only if the sources changed since.
          globalSetup: ["test/package/built-dist.ts"],
        },
      },
    ],
    typecheck: { enabled: false },
  },
});
