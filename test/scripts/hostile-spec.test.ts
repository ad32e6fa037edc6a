/**
 * Spec text is data, never code. The real spec with hostile strings wherever the rules let a
 * string through (descriptions, summaries, enum values, property, parameter and schema names,
 * examples, titles, servers, tags): the client generated from it type-checks with the package,
 * bundles, and loads and runs in a process of its own without any of those strings running.
 * Every hostile string, if it ever ran, would set `globalThis.__hostile`.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { FileToWrite } from "../../scripts/lib/atomic-write.js";
import { checkBundle, checkTypes } from "../../scripts/lib/check-build.js";
import { renderGeneratedFiles } from "../../scripts/lib/render-types.js";
import { projectRoot } from "../support/run-script.js";

const payloads = [
  '*/ globalThis.__hostile = "comment"; /*',
  '`; globalThis.__hostile = "template"; `',
  '${globalThis.__hostile = "interpolation"}',
  '"); globalThis.__hostile = "string"; ("',
  "\\'); globalThis.__hostile = 'quote'; //",
  '\u2028globalThis.__hostile = "line separator"\u2029',
  '</script><script>globalThis.__hostile = "html"</script>',
];
const hostileNames = [...payloads, "__proto__", "constructor", "toString", "class", "a-b", "0"];

async function hostileSpecText(): Promise<string> {
  const doc = parse(await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8"), {
    maxAliasCount: -1,
  }) as Record<string, any>;
  doc.info.title = payloads[0];
  doc.info.description = payloads.join("\n");
  doc.servers = [{ url: `javascript:globalThis.__hostile = "server"`, description: payloads[1] }];
  // A new operation under an existing tag: a hostile summary, description, query and body.
  doc.components.schemas[payloads[0]!] = {
    type: "object",
    description: payloads[2],
    required: hostileNames,
    properties: Object.fromEntries(
      hostileNames.map((name) => [name, { type: "string", enum: payloads, description: name }]),
    ),
    example: Object.fromEntries(hostileNames.map((name) => [name, payloads[3]])),
  };
  doc.paths["/beta/agents/{agentId}/hostile"] = {
    post: {
      tags: ["Agents"],
      operationId: "postAgentsAgentidHostile",
      summary: payloads[1],
      description: payloads.join("\n\n"),
      parameters: [
        { name: "agentId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
        ...hostileNames.map((name) => ({
          name,
          in: "query",
          description: payloads[4],
          schema: { type: "string", enum: payloads },
        })),
      ],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              $ref: `#/components/schemas/${payloads[0]!.replace(/~/g, "~0").replace(/\//g, "~1")}`,
            },
          },
        },
      },
      responses: { "204": { description: payloads[5] } },
    },
  };
  // Existing schemas and operations with hostile text.
  doc.components.schemas["CreateTagInput"].description = payloads[0];
  doc.components.schemas["CreateTagInput"].properties["color"].enum = payloads;
  doc.paths["/beta/tags"].post.summary = payloads[0];
  doc.paths["/beta/tags"].post.description = payloads[2];
  doc.tags = [{ name: "Agents", description: payloads[6] }];
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}

let files: FileToWrite[];
let project: string;

beforeAll(async () => {
  const generatedDir = join(projectRoot, "generated");
  ({ files } = await renderGeneratedFiles(await hostileSpecText(), generatedDir));
  // A copy of the project that loads the hostile client: src/, and the rendered generated/.
  project = await mkdtemp(join(tmpdir(), "dixa-hostile-"));
  await cp(join(projectRoot, "src"), join(project, "src"), { recursive: true });
  for (const file of files) {
    const path = join(project, "generated", relative(generatedDir, file.path));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  await symlink(join(projectRoot, "node_modules"), join(project, "node_modules"), "dir");
  await writeFile(join(project, "package.json"), JSON.stringify({ type: "module" }));
}, 180_000);

afterAll(() => rm(project, { recursive: true, force: true }));

/** Loads the generated client in a fresh process, calls the hostile operation, reports. */
const probe = `
const dixa = await import("./src/index.ts");
const { facadeOperations } = await import("./src/operations/index.ts");
await import("./generated/dixa-beta.ts");
const sent = [];
const core = dixa.createDixaCore({
  apiKey: "k",
  fetch: async (request) => { sent.push(new URL(request.url).search); return new Response(null, { status: 204 }); },
});
const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";
const names = ${JSON.stringify(hostileNames)};
const values = ${JSON.stringify(payloads)};
const body = JSON.parse(JSON.stringify(Object.fromEntries(names.map((name) => [name, values[0]]))));
const query = Object.fromEntries(names.map((name) => [name, values[1]]));
// The new operation's default name, as the table of operations says it.
const [resource, method] = facadeOperations.postAgentsAgentidHostile.call.split(".");
const operation = dixa[resource + method[0].toUpperCase() + method.slice(1)];
await operation(core, agentId, body, query);
const refusal = await operation(core, agentId, { ...body, "a-b": "not listed" }, {})
  .catch((error) => error.message);
const client = dixa.createDixaClient({ apiKey: "k", fetch: async () => new Response(null, { status: 204 }) });
await client[resource][method](agentId, body);
console.log(JSON.stringify({ hostile: globalThis.__hostile ?? null, sent: sent.length, refusal, ops: Object.keys(facadeOperations).length }));
`;

describe("a spec full of hostile strings", () => {
  it("becomes a client that type-checks and bundles with the package", async () => {
    checkTypes(files);
    await checkBundle(files, join(projectRoot, "generated"));
  }, 180_000);

  it("loads and runs in a process of its own without any of them running", async () => {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", probe],
        { cwd: project },
        (error, stdout, stderr) =>
          error ? reject(new Error(stderr || String(error))) : resolve(stdout),
      ),
    );
    const result = JSON.parse(output.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(result).toMatchObject({ hostile: null, sent: 1, ops: 124 });
    // The hostile names are field names to check, quoted as data in the message.
    expect(result["refusal"]).toBe(
      `body["a-b"] must be one of ${payloads.map((p) => JSON.stringify(p)).join(", ")}, got a string of 10 characters`,
    );
  }, 60_000);
});
