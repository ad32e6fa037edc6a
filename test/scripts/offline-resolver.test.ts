import { execFile } from "node:child_process";
import { join } from "node:path";
import { apiDiff } from "api-smart-diff";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { lintSpecText } from "../../scripts/lib/lint-document.js";
import { renderTypes } from "../../scripts/lib/render-openapi-types.js";
import {
  externalRefCases,
  setUpExternalRefBait,
  type ExternalRefBait,
} from "../support/external-ref-specs.js";
import { projectRoot } from "../support/run-script.js";
import { tinySpec } from "../support/tiny-spec.js";

/**
 * Validation refuses outside references before any tool runs (external-refs.test.ts). These
 * tests hand the bait straight to each tool that could follow a reference, skipping validation,
 * to show the tool itself cannot: no request reaches the loopback server and no content of the
 * bait file or server shows up in what the tool returns.
 */
let bait: ExternalRefBait;
beforeAll(async () => {
  bait = await setUpExternalRefBait();
});
afterAll(() => bait.close());
beforeEach(() => {
  bait.server.requests.length = 0;
});

function expectNothingLoaded(output: string) {
  expect(bait.server.requests.map((request) => request.url)).toEqual([]);
  expect(output).not.toContain(bait.remoteMarker);
  expect(output).not.toContain(bait.fileMarker);
}

describe("openapi-typescript, as the generator runs it", () => {
  it.each(externalRefCases)("loads nothing for %s", async (name) => {
    const output = await renderTypes(bait.specs[name], "0".repeat(64)).catch(
      (error: Error) => `rejected: ${error.message}`,
    );
    expectNothingLoaded(output);
  });

  it("would load both without the guard (so the bait is real)", async () => {
    // A separate process, where the guard was never applied.
    const script = [
      `import openapiTS, { astToString } from "openapi-typescript";`,
      `for (const spec of ${JSON.stringify([
        bait.specs["an http $ref inside a properties map"],
        bait.specs["a file $ref inside a properties map"],
      ])}) {`,
      `  const ast = await openapiTS(spec, { silent: true }).catch((e) => String(e));`,
      `  console.log(typeof ast === "string" ? ast : astToString(ast));`,
      `}`,
    ].join("\n");
    const output = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        ["--input-type=module", "-e", script],
        { cwd: projectRoot },
        (_e, stdout, stderr) => resolve(stdout + stderr),
      ),
    );
    expect(bait.server.requests.length).toBeGreaterThan(0);
    expect(output).toContain(bait.fileMarker);
  });
});

describe("the linter", () => {
  it.each(externalRefCases)("loads nothing for %s, and says what it refused", async (name) => {
    const result = await lintSpecText(stringify(bait.specs[name]), join(bait.dir, "spec.yaml"));
    expectNothingLoaded(JSON.stringify(result));
    expect(result.refused.length).toBeGreaterThan(0);
  });
});

describe("api-smart-diff, as the change report runs it", () => {
  it.each(externalRefCases)("loads nothing for %s", (name) => {
    const diffs = apiDiff(tinySpec(), bait.specs[name]);
    expect(diffs.length).toBeGreaterThan(0);
    expectNothingLoaded(JSON.stringify(diffs));
  });
});
