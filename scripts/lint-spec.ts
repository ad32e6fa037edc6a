/**
 * Lints the spec snapshot with Redocly's recommended rules. Errors fail the command; warnings
 * (thousands of upstream examples that do not match their schemas) are counted per rule, never
 * fixed by hand, because the snapshot must stay byte-identical to what Dixa publishes.
 * Usage: npm run lint:spec
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { runCli } from "./lib/cli.js";
import { defaultSpecDir, projectRoot, specFileName } from "./lib/project-paths.js";

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location?: Array<{ pointer?: string }>;
}

runCli("lint:spec", async () => {
  const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
  const spec = relative(projectRoot, join(defaultSpecDir, specFileName));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cli, "lint", spec, "--format=json", "--max-problems=100000"],
    {
      cwd: projectRoot,
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
    },
  ).catch((error: { stdout?: string; message: string }) => {
    // redocly exits non-zero when there are errors; the JSON report is still on stdout.
    if (error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const report = JSON.parse(stdout) as { problems: LintProblem[] };
  const errors = report.problems.filter((p) => p.severity === "error");
  const warningsByRule = new Map<string, number>();
  for (const problem of report.problems) {
    if (problem.severity === "warn") {
      warningsByRule.set(problem.ruleId, (warningsByRule.get(problem.ruleId) ?? 0) + 1);
    }
  }
  const warnings = report.problems.length - errors.length;
  console.log(`${spec}: ${errors.length} error(s), ${warnings} warning(s) from upstream`);
  for (const [rule, count] of [...warningsByRule].sort((a, b) => b[1] - a[1])) {
    console.log(`  warning ${rule}: ${count}`);
  }
  for (const error of errors) {
    console.error(
      `  error ${error.ruleId} at ${error.location?.[0]?.pointer ?? "?"}: ${error.message}`,
    );
  }
  return errors.length > 0 ? 1 : 0;
});
