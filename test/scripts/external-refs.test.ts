import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  externalRefCases,
  setUpExternalRefBait,
  type ExternalRefBait,
} from "../support/external-ref-specs.js";
import { projectRoot, runScript, type ScriptResult } from "../support/run-script.js";

/**
 * Issue #11 point 11: a `$ref` inside a `properties` map escaped the check, and spec:update
 * then requested the URL, or copied the file into generated/dixa-beta.ts. Every command that
 * reads a description must refuse an outside reference wherever it stands, contact nothing and
 * print nothing of the referenced content.
 */
let bait: ExternalRefBait;
let project: string;

beforeAll(async () => {
  bait = await setUpExternalRefBait();
  // A project copy for spec:update to write into, with a real snapshot and generated files.
  project = await mkdtemp(join(tmpdir(), "dixa-external-project-"));
  await cp(join(projectRoot, "openapi"), join(project, "openapi"), { recursive: true });
  await cp(join(projectRoot, "generated"), join(project, "generated"), { recursive: true });
  for (const [name, spec] of Object.entries(bait.specs)) {
    await writeFile(join(bait.dir, `${slug(name)}.yaml`), stringify(spec));
  }
});
afterAll(async () => {
  await bait.close();
  await rm(bait.dir, { recursive: true, force: true });
  await rm(project, { recursive: true, force: true });
});

function slug(name: string) {
  return name.replace(/[^a-z0-9]+/gi, "-");
}

async function projectFiles() {
  const files: Record<string, string> = {};
  for (const dir of ["openapi", "generated"]) {
    for (const entry of await readdir(join(project, dir), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files[path.slice(project.length + 1)] = await readFile(path, "utf8");
    }
  }
  return files;
}

function expectNothingFollowed(result: ScriptResult) {
  expect(bait.server.requests.map((request) => request.url)).toEqual([]);
  const output = result.stdout + result.stderr;
  expect(output).not.toContain(bait.remoteMarker);
  expect(output).not.toContain(bait.fileMarker);
}

const refusal =
  /is not a local #\/… reference; a snapshot must be self-contained|externalValue .* points outside the document/;

describe("spec:update refuses a description that refers outside itself", () => {
  // Every case is refused by the same validation (unit-tested case by case in
  // spec-document.test.ts); these run the whole command for the two cases of the issue and the
  // two places a reference hides in data.
  const cases = [
    "an http $ref inside a properties map",
    "a file $ref inside a properties map",
    "an http $ref inside an example payload",
    "an externalValue example",
  ] as const satisfies readonly (typeof externalRefCases)[number][];

  it.each(cases)("%s", async (name) => {
    const before = await projectFiles();
    bait.server.requests.length = 0;
    const result = await runScript("spec-update.ts", [
      "--file",
      join(bait.dir, `${slug(name)}.yaml`),
      "--out-dir",
      join(project, "openapi"),
      "--generated-dir",
      join(project, "generated"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(refusal);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expectNothingFollowed(result);
    expect(await projectFiles()).toEqual(before);
  });
});

describe("spec:fetch and lint:spec refuse it too", () => {
  const cases = externalRefCases.slice(0, 2);

  it.each(cases)("spec:fetch: %s", async (name) => {
    const before = await projectFiles();
    bait.server.requests.length = 0;
    const result = await runScript("fetch-spec.ts", [
      "--file",
      join(bait.dir, `${slug(name)}.yaml`),
      "--out-dir",
      join(project, "openapi"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(refusal);
    expectNothingFollowed(result);
    expect(await projectFiles()).toEqual(before);
  });

  it.each(cases)("lint:spec: %s", async (name) => {
    bait.server.requests.length = 0;
    const result = await runScript("lint-spec.ts", [
      "--file",
      join(bait.dir, `${slug(name)}.yaml`),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(refusal);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expectNothingFollowed(result);
  });
});
