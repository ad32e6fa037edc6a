/**
 * The README's resume example and its "Testing your code" examples are test files of this
 * repository, run by `npm test` as they stand. Each code block follows an `<!-- path -->` comment naming its file;
 * this checks the block is that file, with the package's import names in place of the
 * repository paths, so the README cannot drift from code that runs.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/project-paths.js";

const readme = await readFile(join(projectRoot, "README.md"), "utf8");
const embedded = [...readme.matchAll(/<!-- (test\/[^ ]+\.test\.ts) -->\s*```ts\n([\s\S]*?)```/g)];

/** What a user writes for what the repository's tests import. */
function asPublished(source: string): string {
  return source
    .replaceAll('from "../../src/testing/index.js"', 'from "dixa-beta/testing"')
    .replaceAll('from "../../src/index.js"', 'from "dixa-beta"');
}

describe("README examples", () => {
  it("embeds the resume, modular, vitest, MSW and response validation examples", () => {
    expect(embedded.map((match) => match[1])).toEqual([
      "test/unit/readme-resume-example.test.ts",
      "test/unit/readme-modular-example.test.ts",
      "test/unit/readme-testing-example.test.ts",
      "test/unit/readme-testing-msw.test.ts",
      "test/unit/readme-validation-example.test.ts",
    ]);
  });

  it.each(embedded.map((match) => [match[1]!, match[2]!] as const))(
    "%s is the README's block, imports aside",
    async (file, block) => {
      const source = await readFile(join(projectRoot, file), "utf8");
      expect(block).toBe(asPublished(source));
      expect(block).not.toContain("../../");
    },
  );
});
