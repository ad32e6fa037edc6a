/**
 * The generator's model and renderers, driven by a table of small specs (no child process, no
 * file written): what each spec becomes, which specs are refused and with what message, and
 * that the work stays bounded by the size of the document.
 */
import { describe, expect, it } from "vitest";
import type { OperationName } from "../../scripts/operation-names.js";
import { defaultMethodName } from "../../scripts/lib/default-names.js";
import { reasonOf } from "../../scripts/lib/cli.js";
import { planFacade } from "../../scripts/lib/facade-plan.js";
import { exampleAnswerTable } from "../../scripts/lib/render-example-answers.js";
import { renderFacade } from "../../scripts/lib/render-facade.js";
import { validateSpec, type OpenApiDocument } from "../../scripts/lib/spec-document.js";
import { tinySpec } from "../support/tiny-spec.js";

type Spec = ReturnType<typeof tinySpec>;
type Names = Record<string, OperationName>;

/** The tiny spec's operations named as the real table names them. */
const tinyNames: Names = {
  getAgents: { call: "agents.list", output: "Agent" },
  getAgentsAgentid: { call: "agents.get" },
  deleteAgentsAgentid: { call: "agents.delete" },
  postTags: { call: "tags.create", body: "tag" },
};

function plan(spec: Spec | Record<string, any>, names: Names = tinyNames) {
  return planFacade(validateSpec(structuredClone(spec)).document as OpenApiDocument, names, {});
}

function render(spec: Spec | Record<string, any>, names: Names = tinyNames) {
  const files = renderFacade(plan(spec, names), {});
  return Object.fromEntries(files.map((f) => [f.file.replace("facade/", ""), f.source]));
}

/** The tiny spec with one more operation. */
function withOperation(path: string, method: string, operation: Record<string, unknown>): Spec {
  const spec = tinySpec();
  spec.paths[path] = { ...spec.paths[path], [method]: { responses: ok, ...operation } };
  return spec;
}

const ok = { "200": { description: "ok" } };
const pathParam = (name: string, schema: object = { type: "string" }) => ({
  name,
  in: "path",
  required: true,
  schema,
});

describe("what a small spec becomes", () => {
  it("renders the same bytes from the same inputs", () => {
    expect(render(tinySpec())).toEqual(render(tinySpec()));
  });

  it("one row per operation drives its function; the method forwards to it; signatures name their types", () => {
    const files = render(tinySpec());
    expect(files["functions.ts"]).toContain(
      [
        "export function agentsGet(core: DixaCore, ...args: AgentsGetArgs): Promise<Agent> {",
        '  return perform(core, args, "GET /beta/agents/{agentId}", asDataObject, () => [path("agentId", nonEmptyString)]);',
        "}",
      ].join("\n"),
    );
    expect(files["arguments.ts"]).toContain(
      "export type AgentsGetArgs = [agentId: string, options?: CallOptions];",
    );
    expect(files["resources.ts"]).toContain(
      "get(...args: AgentsGetArgs): Promise<Agent> { return fn.agentsGet(this.core, ...args); }",
    );
    // The schema's name where the spec has one, a name derived from the call where it has none.
    expect(files["types.ts"]).toContain('export type Agent = Named<Schemas["Agent"]>;');
    expect(files["types.ts"]).toContain(
      'export type CreateTagInput = Named<Schemas["CreateTagInput"]>;',
    );
    expect(files["types.ts"]).toContain(
      'export type AgentsListQuery = Named<QueryParams<"/beta/agents", "get">>;',
    );
    // One check per schema, used by the row of the operation whose body it is.
    expect(files["checks.ts"]).toContain(
      [
        "export function checkCreateTagInput(value: unknown, label: string): void {",
        "  runCheck(checkCreateTagInput, () => shape({ name: nonEmptyString }, { color: anyString }), value, label);",
        "}",
      ].join("\n"),
    );
    expect(files["functions.ts"]).toContain('body("tag", checks.checkCreateTagInput)');
  });

  it("a data answer the spec describes is checked for that shape: an object, a list, or either", () => {
    const answer = (data: object) => ({
      "200": {
        description: "ok",
        content: { "application/json": { schema: { type: "object", properties: { data } } } },
      },
    });
    let spec = withOperation("/beta/skills", "get", {
      operationId: "getSkills",
      tags: ["Skills"],
      responses: answer({ type: "array", items: { type: "string" } }),
    });
    spec = { ...spec, paths: { ...spec.paths } };
    spec.paths["/beta/skills/{skillId}"] = {
      get: {
        operationId: "getSkill",
        tags: ["Skills"],
        parameters: [pathParam("skillId")],
        responses: answer({ oneOf: [{ type: "object" }, { properties: { a: {} } }] }),
      },
      put: {
        operationId: "putSkill",
        tags: ["Skills"],
        parameters: [pathParam("skillId")],
        responses: answer({ oneOf: [{ type: "object" }, { type: "string" }] }),
      },
    };
    const rows = render(spec)["functions.ts"]!;
    expect(rows).toContain('perform(core, args, "GET /beta/skills", asDataList,');
    expect(rows).toContain('perform(core, args, "GET /beta/skills/{skillId}", asDataObject,');
    expect(rows).toContain('perform(core, args, "PUT /beta/skills/{skillId}", asData,');
  });

  it("generates only the checks some operation calls", () => {
    const spec = tinySpec();
    spec.components.schemas["Unused"] = { type: "object", properties: { a: { type: "string" } } };
    expect(render(spec)["checks.ts"]).not.toContain("Unused");
    // Asked for by a hand-written operation's line in the naming table: generated.
    const hand = {
      ...tinyNames,
      postTags: { call: "tags.create", hand: true, checks: "body" },
    } as Names;
    expect(render(tinySpec(), hand)["checks.ts"]).toContain("checkCreateTagInput");
    expect(
      render(tinySpec(), { ...hand, postTags: { call: "tags.create", hand: true } })["checks.ts"],
    ).not.toContain("checkCreateTagInput");
  });

  it.each([
    ["GET", "/beta/agents/{agentId}/skills", "agents", "listSkills"],
    ["GET", "/beta/agents", "agents", "list"],
    ["GET", "/beta/agents/{agentId}", "agents", "get"],
    ["GET", "/beta/agents/{agentId}/presence", "agents", "getPresence"],
    ["POST", "/beta/agents", "agents", "create"],
    ["POST", "/beta/agents/bulk", "agents", "createMany"],
    ["PUT", "/beta/agents", "agents", "updateMany"],
    ["PATCH", "/beta/agents/{agentId}", "agents", "patch"],
    ["DELETE", "/beta/knowledge/articles/{articleId}", "knowledge", "deleteArticle"],
    ["POST", "/beta/knowledge/articles/{articleId}/publish", "knowledge", "publishArticle"],
    ["PATCH", "/beta/tags/{tagId}/deactivate", "tags", "deactivate"],
    ["GET", "/beta/conversations/{conversationId}/notes", "notes", "list"],
    ["GET", "/beta/knowledge/categories", "knowledge", "listCategories"],
  ])("a new %s %s is named %s.%s by default", (method, path, resource, name) => {
    expect(defaultMethodName(method.toLowerCase(), path, resource)).toBe(name);
  });

  it("a new operation gets a default call of its tag's resource, marked to review", () => {
    const spec = withOperation("/beta/agents/{agentId}/skills", "get", {
      operationId: "getAgentsAgentidSkills",
      tags: ["Agents"],
      parameters: [pathParam("agentId")],
    });
    spec.paths["/beta/agents"]!["get"].tags = ["Agents"];
    const skills = plan(spec).operations.find((o) => o.operationId === "getAgentsAgentidSkills")!;
    expect([skills.resource, skills.name, skills.functionName, skills.defaultName]).toEqual([
      "agents",
      "listSkills",
      "agentsListSkills",
      true,
    ]);
  });

  it("names stale table entries, and table type names the operation no longer has", () => {
    const names = {
      ...tinyNames,
      gone: { call: "agents.gone" },
      postTags: { call: "tags.create", query: "X" },
    } as Names;
    const planned = plan(tinySpec(), names);
    expect(planned.staleNames).toEqual(["gone"]);
    expect(planned.notes).toEqual([
      "operation postTags: the naming table names its query X, which it no longer has",
    ]);
  });

  it("renames a path parameter whose name is reserved or taken, and says so", () => {
    const spec = withOperation("/beta/things/{class}/{options}", "get", {
      operationId: "getThing",
      parameters: [pathParam("class"), pathParam("options")],
    });
    const planned = plan(spec, { ...tinyNames, getThing: { call: "things.get" } });
    const thing = planned.operations.find((o) => o.operationId === "getThing")!;
    expect(thing.pathParameters.map((p) => [p.name, p.label])).toEqual([
      ["class", "classParam"],
      ["options", "optionsParam"],
    ]);
    expect(planned.notes).toHaveLength(2);
    const files = render(spec, { ...tinyNames, getThing: { call: "things.get" } });
    expect(files["arguments.ts"]).toContain(
      "[classParam: string, optionsParam: string, options?: CallOptions]",
    );
    // The row keeps the spec's names: they name the argument in errors.
    expect(files["functions.ts"]).toContain(
      '[path("class", nonEmptyString), path("options", nonEmptyString)]',
    );
  });
});

/** [what is wrong, the spec, the naming table, the refusal]. */
const refusals: Array<[string, () => Spec | Record<string, any>, Names, RegExp]> = [
  [
    "a path that would close the template it is pasted into",
    () =>
      withOperation(
        "/beta/x`, undefined, undefined, options); } console = (…), console); export function q(options: unknown) { return Array.of(`",
        "get",
        { operationId: "getX" },
      ),
    tinyNames,
    /operation getX \(GET \/beta\/x`, undefined.*\): the path .* breaks the path grammar/,
  ],
  [
    "a path with a comment end",
    () => withOperation("/beta/x*/y", "get", { operationId: "getX" }),
    tinyNames,
    /operation getX .*breaks the path grammar/,
  ],
  [
    "a placeholder that is not a declared parameter",
    () => withOperation("/beta/x/{id}", "get", { operationId: "getX" }),
    tinyNames,
    /operation getX \(GET \/beta\/x\/\{id\}\): the placeholder \{id\} is not a declared path parameter/,
  ],
  [
    "a placeholder with an expression inside",
    () => withOperation("/beta/x/{${process.exit()}}", "get", { operationId: "getX" }),
    tinyNames,
    /breaks the path grammar/,
  ],
  [
    "a declared path parameter missing from the path",
    () => withOperation("/beta/x", "get", { operationId: "getX", parameters: [pathParam("id")] }),
    tinyNames,
    /the path parameter "id" has no \{placeholder\} in the path/,
  ],
  [
    "an operationId that ends a comment",
    () => withOperation("/beta/x", "get", { operationId: "a*/b" }),
    tinyNames,
    /operation GET \/beta\/x: its operationId "a\*\/b" is not one the client can use \(rule: .*\)/,
  ],
  [
    "an operationId !!!",
    () => withOperation("/beta/x", "get", { operationId: "!!!" }),
    tinyNames,
    /its operationId "!!!" is not one the client can use/,
  ],
  [
    "an operationId __proto__",
    () => withOperation("/beta/x", "get", { operationId: "__proto__" }),
    tinyNames,
    /its operationId "__proto__" is not one the client can use/,
  ],
  [
    "no operationId",
    () => withOperation("/beta/x", "get", {}),
    tinyNames,
    /operation GET \/beta\/x: it has no operationId/,
  ],
  [
    "the same operationId twice",
    () => withOperation("/beta/x", "get", { operationId: "getAgents" }),
    tinyNames,
    /operation getAgents \(GET \/beta\/x\): the operationId is also GET \/beta\/agents's/,
  ],
  [
    "a tag Raw, whose resource would replace client.raw",
    () => withOperation("/beta/raw", "get", { operationId: "getRaw", tags: ["Raw"] }),
    tinyNames,
    /operation getRaw \(GET \/beta\/raw\): the resource name "raw" taken from its tag "Raw" would replace the client's own `raw`; name the operation in scripts\/operation-names.ts/,
  ],
  [
    "a tag constructor",
    () => withOperation("/beta/x", "get", { operationId: "getX", tags: ["constructor"] }),
    tinyNames,
    /the resource name "constructor" taken from its tag "constructor" is a name every JavaScript object already has/,
  ],
  [
    "a tag !!!",
    () => withOperation("/beta/x", "get", { operationId: "getX", tags: ["!!!"] }),
    tinyNames,
    /the resource name "" taken from its tag "!!!" is not a name a resource can have/,
  ],
  [
    "a digit-leading tag",
    () => withOperation("/beta/x", "get", { operationId: "getX", tags: ["1st agents"] }),
    tinyNames,
    /the resource name "1stAgents" taken from its tag "1st agents" is not a name a resource can have/,
  ],
  [
    "an operation `get` under a tag whose resource already has `get`",
    () =>
      withOperation("/beta/agents/{id}/x", "get", {
        operationId: "get",
        tags: ["Agents"],
        parameters: [pathParam("id")],
      }),
    { ...tinyNames, getAgentsAgentid: { call: "agents.get" }, getAgents: { call: "agents.getX" } },
    /operation get \(GET \/beta\/agents\/\{id\}\/x\): its default method name "get" is taken; name the operation/,
  ],
  [
    "a table name that is the resource's own member",
    () => tinySpec(),
    { ...tinyNames, getAgents: { call: "agents.constructor" } },
    /operation getAgents \(GET \/beta\/agents\): the naming table's call "agents.constructor" is a member every resource already has/,
  ],
  [
    "a table name toString",
    () => tinySpec(),
    { ...tinyNames, getAgents: { call: "agents.toString" } },
    /the naming table's call "agents.toString" is a name every JavaScript object already has/,
  ],
  [
    "two operations with one call",
    () => tinySpec(),
    { ...tinyNames, getAgents: { call: "agents.get" } },
    /operation getAgentsAgentid \(GET \/beta\/agents\/\{agentId\}\): the call agents.get is already getAgents's/,
  ],
  [
    "a function name the package already exports",
    () => tinySpec(),
    { ...tinyNames, getAgents: { call: "create.dixaClient" } },
    /operation getAgents .*: its function name createDixaClient is already exported by the package/,
  ],
  [
    "two types given one name",
    () => tinySpec(),
    { ...tinyNames, postTags: { call: "tags.create", input: "Agent" } },
    /operation postTags: the naming table gives the name Agent to two different types/,
  ],
];

describe("a spec the generator refuses, before anything is rendered", () => {
  it.each(refusals)("%s", (_name, spec, names, message) => {
    expect(() => plan(spec(), names)).toThrow(message);
  });

  it("an operationId constructor or toString is an operation like any other", () => {
    const spec = withOperation("/beta/agents/{agentId}/x", "get", {
      operationId: "constructor",
      tags: ["Agents"],
      parameters: [pathParam("agentId")],
    });
    spec.paths["/beta/agents"]!["get"].tags = ["Agents"];
    const names = plan(spec).operations.map((o) => `${o.operationId}=${o.resource}.${o.name}`);
    expect(names).toContain("constructor=agents.getX");
  });
});

/** `levels` schemas, each an allOf listing the next `fanOut` times. */
function fanOutSpec(levels: number, fanOut: number) {
  const spec = tinySpec();
  for (let level = 0; level < levels; level++) {
    spec.components.schemas[`L${level}`] = {
      allOf: Array.from({ length: fanOut }, () => ({ $ref: `#/components/schemas/L${level + 1}` })),
      properties: { [`f${level}`]: { type: "string" } },
    };
  }
  spec.components.schemas[`L${levels}`] = {
    type: "object",
    properties: { last: { type: "string" } },
  };
  spec.paths["/beta/tags"]!["post"].requestBody.content["application/json"].schema = {
    $ref: "#/components/schemas/L0",
  };
  return spec;
}

/** A response schema whose $refs form a chain of `depth` schemas, each using the next twice. */
function refDagSpec(depth: number) {
  const spec = tinySpec();
  for (let level = 0; level < depth; level++) {
    const next = { $ref: `#/components/schemas/D${level + 1}` };
    spec.components.schemas[`D${level}`] = { type: "object", properties: { a: next, b: next } };
  }
  spec.components.schemas[`D${depth}`] = { type: "string" };
  spec.paths["/beta/agents"]!["get"].responses["200"].content["application/json"].schema = {
    $ref: "#/components/schemas/D0",
  };
  return spec;
}

describe("work bounded by the size of the document", () => {
  it("an allOf listing the next schema 9 times at each of 10 levels is merged once per schema", () => {
    // Unmemoised, this is 9^10 merges: hours. Memoised, one per schema.
    const checks = render(fanOutSpec(10, 9))["checks.ts"];
    const lines = checks!.split("\n");
    const l0 =
      lines[lines.indexOf("export function checkL0(value: unknown, label: string): void {") + 1];
    expect(l0).toContain("f0: anyString");
    expect(l0).toContain("f9: anyString");
    expect(l0).toContain("last: anyString");
  }, 20_000);

  it("a $ref chain of depth 25 used twice per level is refused by the sandbox sampler, saying why", () => {
    expect(() => exampleAnswerTable(refDagSpec(25) as unknown as OpenApiDocument)).toThrow(
      /operation getAgents \(GET \/beta\/agents\): its success answer's schema expands to more than 100000 nodes/,
    );
    // A shallow one is sampled.
    expect(
      exampleAnswerTable(refDagSpec(4) as unknown as OpenApiDocument).answers["GET /beta/agents"]
        ?.body,
    ).toBeDefined();
  }, 20_000);

  // Depths 12 to 22 used to end in "spec:update failed: " with no reason (the sampler's own error
  // has an empty message): each is refused by name.
  it.each([12, 16, 22])("a $ref chain of depth %i is refused, saying why", (depth) => {
    expect(() => exampleAnswerTable(refDagSpec(depth) as unknown as OpenApiDocument)).toThrow(
      /operation getAgents \(GET \/beta\/agents\): its success answer's schema expands to more than \d+ nodes/,
    );
  });
});

describe("a failed script says why in one line", () => {
  it.each([
    [new Error("first line\nsecond line"), "first line"],
    [new RangeError(""), "RangeError without a message (run with DEBUG=1 for its stack)"],
    [new Error("   "), "Error without a message (run with DEBUG=1 for its stack)"],
    ["a thrown string", "a thrown string"],
    ["", "string without a message (run with DEBUG=1 for its stack)"],
  ])("%o reads %j", (thrown, reason) => {
    expect(reasonOf(thrown)).toBe(reason);
  });
});
