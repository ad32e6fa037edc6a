/**
 * `npm test`: every check and every layer, one step after another, stopping at the first
 * failure. The scripts of a step run together where that is safe and fills the second core:
 * the four static checks (each uses one core), and the integration tests that start processes
 * beside the package layer (which builds dist/, packs it and renders the API reference, one
 * process at a time; the integration tests never read dist/). The tests whose subject is real
 * time (`test:real-time`: redis-server with worker processes, arrivals at a server in its own
 * process) run last, alone: run beside the other steps, the many-workers test saw 12 and 14
 * arrivals in a rolling second at its server in 2 of 4 runs on a busy machine.
 * A script that runs beside another has its output printed as one block when it ends, not
 * interleaved. Prints each script's time at the end. Plain Node (no tsx): it only starts
 * processes.
 */
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** Steps one after another; the scripts of a step run together. */
const steps = [
  ["typecheck", "format:check", "check:generated", "lint:spec"],
  ["test:fast"],
  ["test:processes", "test:package"],
  ["test:real-time"],
];

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
let ok = true;
for (const step of steps) {
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
const total = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`\n${times.join("\n")}\nnpm test: ${total} s, ${ok ? "passed" : "FAILED"}\n`);
process.exitCode = ok ? 0 : 1;
