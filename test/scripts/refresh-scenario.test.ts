/**
 * A refresh as a user meets it, end to end, in a copy of the project: one operation added, one
 * removed, a query parameter made required, the `meta` of a paged answer removed. The report
 * names each in facade terms (with the function and raw forms, and what the naming table needs);
 * the package still builds, with a default-named method for the new operation; and code that
 * calls the removed or changed methods no longer compiles, at each call.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshedSpecText } from "../support/refreshed-spec.js";
import { projectRoot } from "../support/run-script.js";

interface Run {
  code: number;
  output: string;
}

function run(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          output: stdout + stderr,
        }),
    );
  });
}

const tsc = join(projectRoot, "node_modules", "typescript", "bin", "tsc");
let project: string;
let update: Run;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "dixa-refresh-"));
  for (const entry of [
    "src",
    "generated",
    "scripts",
    "openapi",
    "package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "redocly.yaml",
    ".prettierrc.json",
    ".prettierignore",
  ]) {
    await cp(join(projectRoot, entry), join(project, entry), { recursive: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      },
    );
  }
  await symlink(join(projectRoot, "node_modules"), join(project, "node_modules"), "dir");
  const spec = join(project, "refreshed.yaml");
  await writeFile(spec, await refreshedSpecText());
  update = await run(project, ["--import", "tsx", "scripts/spec-update.ts", "--file", spec]);
}, 180_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

let checked: Promise<Run> | undefined;

/**
 * One compiler run over the refreshed package with a consumer's calls beside it: the consumer's
 * config extends tsconfig.build.json, so its program is the package's sources (as the build
 * checks them) plus consumer.ts.
 */
function consumerCheck(): Promise<Run> {
  checked ??= (async () => {
    const calls = [
      'import { createDixaClient } from "./src/index.js";',
      'const dixa = createDixaClient({ apiKey: "k" });',
      'await dixa.tags.delete("6b0e4f4e-3c1e-4c8f-9a53-1f0c6a3c2d11");', // line 3: removed
      "for await (const agent of dixa.agents.list()) void agent;", // line 4: query now required
      "for await (const user of dixa.endUsers.list()) void user;", // line 5: no longer paged
      "const widgets = await dixa.widgets.list();", // line 6: new, compiles
      "void widgets[0]?.name;",
      "export {};",
    ];
    await writeFile(join(project, "consumer.ts"), `${calls.join("\n")}\n`);
    await writeFile(
      join(project, "tsconfig.consumer.json"),
      JSON.stringify({
        extends: "./tsconfig.build.json",
        compilerOptions: { noEmit: true },
        files: ["consumer.ts"],
      }),
    );
    return run(project, [tsc, "-p", "tsconfig.consumer.json"]);
  })();
  return checked;
}

describe("a refresh with an added, a removed and two changed operations", () => {
  it("reports each in terms of facade calls, with the default name to review", () => {
    expect(update.code).toBe(0);
    const lines = update.output.split("\n");
    expect(lines).toContain(
      "  BREAKING client.tags.delete() removed (DELETE /beta/tags/{tagId}): calls to it no longer compile",
    );
    expect(lines).toContain("  BREAKING client.agents.list() query `pageLimit` is now required");
    expect(update.output).toMatch(/BREAKING client\.endUsers\.list\(\) is no longer paged/);
    expect(lines).toContain(
      "  - client.widgets.list() added (GET /beta/widgets); its name is a default: review it in scripts/operation-names.ts",
    );
    // The same operation as a standalone function and a raw call.
    expect(lines).toContain('      also widgetsList(core, …), client.raw.GET("/beta/widgets")');
    expect(update.output).toContain(
      "Default names to review in scripts/operation-names.ts: client.widgets.list() (getWidgets)",
    );
    // The line to add to the naming table to keep the name, and the entry the refresh made stale.
    expect(lines).toContain('    "getWidgets": { call: "widgets.list" },');
    expect(update.output).toContain(
      "Naming-table entries whose operation is gone (remove them from scripts/operation-names.ts): deleteTagsTagid",
    );
  });

  it("says which corrections of the overlay no longer match, are redundant or out of date", () => {
    const section = (title: string) => update.output.split(`\n${title}`)[1]?.split("\n\n")[0] ?? "";
    expect(section("Actions that select nothing")).toMatch(
      /action \d+ \$\.components\.schemas\.Tag\.properties\.state$/m,
    );
    expect(section("Actions that change nothing")).toMatch(
      /action \d+ \$\.components\.schemas\.ListKnowledgeCollectionsOutput\.properties$/m,
    );
    expect(section("Enums whose prose list changed")).toMatch(
      /action \d+ \$\.components\.schemas\.UserPresence\.properties\.presenceStatus: the description now lists Away, Working, Busy/,
    );
  });

  it("leaves a package that still builds", async () => {
    // Nothing but the consumer's calls fails in the package's program (tsconfig.build.json).
    const { output } = await consumerCheck();
    const errors = output.split("\n").filter((line) => /^(\S.*\(\d+,\d+\): )?error TS/.test(line));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((line) => !line.startsWith("consumer.ts("))).toEqual([]);
  }, 180_000);

  it("breaks the build at each call of a removed or changed method, and not elsewhere", async () => {
    const check = await consumerCheck();
    const lines = [...check.output.matchAll(/^consumer\.ts\((\d+),\d+\): error/gm)].map((m) =>
      Number(m[1]),
    );
    expect(check.code).not.toBe(0);
    expect([...new Set(lines)].sort()).toEqual([3, 4, 5]);
    expect(check.output).not.toMatch(/^(src|generated)\//m);
  }, 180_000);
});
