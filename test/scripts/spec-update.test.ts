import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runScript } from "../support/run-script.js";
import { tinySpec } from "../support/tiny-spec.js";

let dir: string;
let afterFile: string;

function afterSpec() {
  const spec = tinySpec();
  spec.paths["/beta/tags"]!["get"] = {
    operationId: "getTags",
    responses: { "200": { description: "all tags" } },
  };
  delete spec.paths["/beta/agents/{agentId}"]!["delete"];
  spec.paths["/beta/agents"]!["get"].parameters.push({
    name: "email",
    in: "query",
    required: true,
    schema: { type: "string" },
  });
  delete spec.components.schemas["Agent"].properties.email;
  return spec;
}

function update(file: string, ...flags: string[]) {
  return runScript("spec-update.ts", [
    "--file",
    file,
    "--out-dir",
    join(dir, "openapi"),
    "--generated-dir",
    join(dir, "generated"),
    ...flags,
  ]);
}

async function files() {
  const read = (path: string) => readFile(join(dir, path), "utf8").catch(() => undefined);
  return {
    spec: await read("openapi/dixa-beta.yaml"),
    provenance: await read("openapi/provenance.json"),
    types: await read("generated/dixa-beta.ts"),
    table: await read("generated/operation-table.ts"),
  };
}

let baseline: string;

// One real first run builds the "before" project; each test starts from a copy of it.
beforeAll(async () => {
  baseline = await mkdtemp(join(tmpdir(), "dixa-update-baseline-"));
  dir = baseline;
  await writeFile(join(baseline, "before.yaml"), stringify(tinySpec()));
  const first = await update(join(baseline, "before.yaml"));
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/Operations: 0 → 4 \(4 added, 0 removed, 0 changed\)/);
});
afterAll(() => rm(baseline, { recursive: true, force: true }));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dixa-update-"));
  await cp(baseline, dir, { recursive: true });
  afterFile = join(dir, "after.yaml");
  await writeFile(afterFile, stringify(afterSpec()));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("spec:update", () => {
  it("reports added, removed and changed operations and marks what breaks", async () => {
    const result = await update(afterFile);
    expect(result.code).toBe(0);
    const report = result.stdout;
    expect(report).toMatch(/Operations: 4 → 4 \(1 added, 1 removed, 2 changed\)/);
    expect(report).toMatch(/Breaking changes: 4/);
    expect(report).toMatch(
      /Operations removed:\n {2}BREAKING DELETE \/beta\/agents\/\{agentId\} \(deleteAgentsAgentid\)/,
    );
    expect(report).toMatch(/Operations added:\n {2}- GET \/beta\/tags \(getTags\)/);
    expect(report).toContain(
      [
        "  GET /beta/agents (getAgents)",
        "    BREAKING required query parameter `email` added",
        "    BREAKING response 200 field `data[].email` removed",
        "  GET /beta/agents/{agentId} (getAgentsAgentid)",
        "    BREAKING response 200 field `data.email` removed",
      ].join("\n"),
    );
  });

  it("updates the snapshot, its provenance and the types", async () => {
    const before = await files();
    const result = await update(afterFile);
    expect(result.code).toBe(0);
    const after = await files();
    expect(after.spec).toBe(await readFile(afterFile, "utf8"));
    expect(after.provenance).not.toBe(before.provenance);
    expect(after.types).toContain("getTags: {");
    expect(after.types).not.toContain("deleteAgentsAgentid: {");
  });

  it("with --fail-on-breaking, exits non-zero and changes nothing", async () => {
    const before = await files();
    const result = await update(afterFile, "--fail-on-breaking");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/4 breaking change\(s\).*nothing was changed/);
    expect(await files()).toEqual(before);
  });

  it("with --fail-on-breaking, a non-breaking change goes through", async () => {
    const additive = tinySpec();
    additive.paths["/beta/tags"]!["get"] = {
      operationId: "getTags",
      responses: { "200": { description: "all tags" } },
    };
    await writeFile(afterFile, stringify(additive));
    const result = await update(afterFile, "--fail-on-breaking");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Breaking changes: 0/);
    expect((await files()).types).toContain("getTags: {");
  });

  it("--json prints the same findings as data", async () => {
    const result = await update(afterFile, "--json");
    const report = JSON.parse(result.stdout);
    expect(report.breaking).toHaveLength(4);
    expect(report.added[0]).toMatchObject({ operation: "GET /beta/tags", breaking: false });
  });

  it("a bad download changes nothing", async () => {
    const before = await files();
    await writeFile(afterFile, "<html>oops</html>");
    const result = await update(afterFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTML\/XML page/);
    expect(await files()).toEqual(before);
  });

  it("a spec the generator refuses changes nothing and says which operation broke which rule", async () => {
    const before = await files();
    const hostile = tinySpec();
    hostile.paths["/beta/x`, undefined); globalThis.x = 1; (`"] = {
      get: { operationId: "getX", responses: { "200": { description: "x" } } },
    };
    await writeFile(afterFile, stringify(hostile));
    const result = await update(afterFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /spec:update failed: operation getX \(GET \/beta\/x`, undefined\); globalThis\.x = 1; \(`\): the path .* breaks the path grammar/,
    );
    expect(result.stdout).toBe("");
    expect(await files()).toEqual(before);
  });

  it("--json lists the default names to review and the naming-table entries gone", async () => {
    const spec = afterSpec();
    spec.paths["/beta/widgets"] = {
      get: {
        operationId: "getWidgets",
        tags: ["Widgets"],
        responses: { "204": { description: "" } },
      },
    };
    await writeFile(afterFile, stringify(spec));
    const result = await update(afterFile, "--json");
    const report = JSON.parse(result.stdout);
    expect(report.defaultNames).toEqual([
      { operationId: "getWidgets", call: "widgets.list", function: "widgetsList" },
    ]);
    expect(report.staleNames).toContain("deleteAgentsAgentid");
  });
});
