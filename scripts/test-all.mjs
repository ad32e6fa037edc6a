/**
 * `npm test`: every check and every layer, in two lanes that run side by side.
 * - The CPU lane, stopping at the first failure: the static checks (together: each uses one
 *   core), the in-process layer, then the integration tests that compile, render or run scripts
 *   beside the package layer (which builds dist/, packs it and renders the API reference, one
 *   process at a time, while the integration tests leave a core idle at their end).
 * - The waiting lane: the tests whose subject is real time (redis-server and worker processes
 *   keeping Dixa's limit, arrivals at a server in its own process). They spend most of their
 *   time waiting for the limit, so running them beside the CPU lane costs it little, and they
 *   are built to hold beside CPU-bound processes (the test of the rate limit starts one itself).
 * A step that runs beside others has its output printed as one block when it ends, not
 * interleaved. Prints each step's time at the end. Plain Node (no tsx): it only starts
 * processes.
 */
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** Steps one after another; the scripts of a step run together. */
const cpuLane = [
  ["typecheck", "format:check", "check:generated", "lint:spec"],
  ["test:fast"],
  ["test:processes", "test:package"],
];
const waitingLane = "test:real-time";

const running = new Set();
const times = [];

function run(script, { quiet }) {
  const started = performance.now();
  const child = spawn(npm, ["run", "-s", script], {
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  running.add(child);
  let output = "";
  if (quiet) {
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
  }
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      const seconds = (performance.now() - started) / 1000;
      times.push(`${script}: ${seconds.toFixed(1)} s${code === 0 ? "" : " (failed)"}`);
      resolve({ ok: code === 0 && signal === null, output });
    });
  });
}

process.once("SIGINT", () => {
  for (const child of running) child.kill("SIGINT");
});

const started = performance.now();
const waiting = run(waitingLane, { quiet: true });
let ok = true;
for (const step of cpuLane) {
  // The first script of a step shows its output as it goes; the others print theirs at the end.
  const results = await Promise.all(
    step.map((script, i) =>
      run(script, { quiet: i > 0 }).then((result) => {
        if (i > 0) process.stdout.write(`\n--- ${script} ---\n${result.output}`);
        return result;
      }),
    ),
  );
  if (results.some((result) => !result.ok)) {
    ok = false;
    break;
  }
}
if (!ok) for (const child of running) child.kill("SIGINT");
const real = await waiting;
process.stdout.write(`\n--- ${waitingLane} (ran beside the steps above) ---\n`);
process.stdout.write(real.output);
ok &&= real.ok;
const total = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`\n${times.join("\n")}\nnpm test: ${total} s, ${ok ? "passed" : "FAILED"}\n`);
process.exitCode = ok ? 0 : 1;
