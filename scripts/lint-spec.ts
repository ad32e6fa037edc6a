/**
 * Lints the spec snapshot with Redocly's recommended rules. Errors fail the command; warnings
 * (thousands of upstream examples that do not match their schemas) are counted per rule, never
 * fixed by hand, because the snapshot must stay byte-identical to what Dixa publishes.
 * The snapshot is validated first (a document with an external reference is refused before
 * redocly sees it) and redocly's resolver is one that loads nothing from outside the document.
 * Usage: npm run lint:spec -- [--file PATH]
 */
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { parseCliArgs, runCli } from "./lib/cli.js";
import { lintSpecText } from "./lib/lint-document.js";
import { defaultSpecDir, projectRoot, specFileName } from "./lib/project-paths.js";
import { SpecRejectedError, validateSpecText } from "./lib/spec-document.js";

runCli("lint:spec", async () => {
  const args = parseCliArgs({ file: { type: "string" } });
  const specFile =
    args.file === undefined ? join(defaultSpecDir, specFileName) : resolve(args.file);
  const spec = relative(projectRoot, specFile) || specFile;
  const text = await readFile(specFile, "utf8");
  validateSpecText(text);
  const { problems, refused } = await lintSpecText(text, specFile);
  if (refused.length > 0) {
    throw new SpecRejectedError(
      `${spec} refers outside itself (${refused[0]}); nothing was loaded`,
    );
  }
  const errors = problems.filter((p) => p.severity === "error");
  const warningsByRule = new Map<string, number>();
  for (const problem of problems) {
    if (problem.severity === "warn") {
      warningsByRule.set(problem.ruleId, (warningsByRule.get(problem.ruleId) ?? 0) + 1);
    }
  }
  const warnings = problems.length - errors.length;
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
