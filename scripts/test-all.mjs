/**
 * `npm test`: every check and every layer, one step after another, stopping at the first
 * failure. The scripts of a step run together where that is safe and fills the second core:
 * the four static checks (each uses one core), and the integration tests that start processes
 * beside the package layer (which builds dist/, packs it and renders the API reference, one
 * process at a time; the integration tests never read dist/), and beside both the tests whose
 * subject is real time (`test:real-time`: redis-server with worker processes, arrivals at a
 * server in its own process), which mostly wait. Those get the CPU first whenever they need it,
 * as when they ran alone: `test:real-time` (and every process it starts) runs at a higher
 * priority than the others, or, where raising a priority is not allowed (it needs root), the
 * other two run at a lower one. Beside the other steps at the same priority, the many-workers
 * test saw 12 and 14 arrivals in a rolling second at its server in 2 of 4 runs on a busy
 * machine.
 * A script that runs beside another has its output printed as one block when it ends, not
 * interleaved. Prints each script's time at the end. Plain Node (no tsx): it only starts
 * processes.
 */
import { spawn } from "node:child_process";
import { constants, setPriority } from "node:os";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** Steps one after another; the scripts of a step run together. */
const steps = [
  ["typecheck", "format:check", "check:generated", "lint:spec"],
  ["test:fast"],
  ["test:real-time", "test:processes", "test:package"],
];
/** The script that goes first for the CPU, and so for time: the others of its step yield. */
const ahead = "test:real-time";
/** Whether `ahead` (started first in its step) got its higher priority. */
let raised = false;

const running = new Set();
const times = [];

/** `yields`: a script beside `ahead`, which goes behind it for the CPU. */
function run(script, { quiet, yields }) {
  const started = performance.now();
  const child = spawn(npm, ["run", "-s", script], {
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  running.add(child);
  // Set before npm has started anything (it loads for longer than this takes): every process
  // of the script inherits it.
  if (script === ahead)
    raised = trySetPriority(child.pid, constants.priority.PRIORITY_ABOVE_NORMAL);
  else if (yields && !raised) trySetPriority(child.pid, constants.priority.PRIORITY_BELOW_NORMAL);
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

/** False where the priority may not be raised (EACCES without root). */
function trySetPriority(pid, priority) {
  if (pid === undefined) return false;
  try {
    setPriority(pid, priority);
    return true;
  } catch (error) {
    if (error.code === "EACCES" || error.code === "EPERM") return false;
    throw error;
  }
}

process.once("SIGINT", () => {
  for (const child of running) child.kill("SIGINT");
});

const started = performance.now();
let ok = true;
for (const step of steps) {
  // The first script of a step shows its output as it goes; the others print theirs at the end.
  const results = await Promise.all(
    step.map((script, i) =>
      run(script, { quiet: i > 0, yields: step.includes(ahead) }).then((result) => {
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
const total = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`\n${times.join("\n")}\nnpm test: ${total} s, ${ok ? "passed" : "FAILED"}\n`);
process.exitCode = ok ? 0 : 1;
