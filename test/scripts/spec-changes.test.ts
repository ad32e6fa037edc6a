import { describe, expect, it } from "vitest";
import { compareSpecs, type SpecChange } from "../../scripts/lib/spec-changes.js";
import type { OpenApiDocument } from "../../scripts/lib/spec-document.js";
import { tinySpec } from "../support/tiny-spec.js";

function changesOf(mutate: (spec: ReturnType<typeof tinySpec>) => void) {
  const before = tinySpec();
  const after = tinySpec();
  mutate(after);
  const summary = compareSpecs(before as OpenApiDocument, after as OpenApiDocument);
  const all: SpecChange[] = [
    ...summary.added,
    ...summary.removed,
    ...[...summary.changed.values()].flat(),
  ];
  return {
    summary,
    all: all.map(({ kind, breaking, operation, detail }) => ({
      kind,
      breaking,
      operation,
      detail,
    })),
  };
}

describe("compareSpecs", () => {
  it("finds nothing between identical documents", () => {
    const { summary } = changesOf(() => {});
    expect(summary.added).toEqual([]);
    expect(summary.removed).toEqual([]);
    expect(summary.changed.size).toBe(0);
    expect(summary.operationsBefore).toBe(4);
  });

  it("an added operation is not breaking, a removed one is", () => {
    const { summary } = changesOf((spec) => {
      spec.paths["/beta/tags"]!["get"] = {
        operationId: "getTags",
        responses: { "200": { description: "ok" } },
      };
      delete spec.paths["/beta/agents/{agentId}"]!["delete"];
    });
    expect(summary.added).toMatchObject([
      { operation: "GET /beta/tags", operationId: "getTags", breaking: false },
    ]);
    expect(summary.removed).toMatchObject([
      {
        operation: "DELETE /beta/agents/{agentId}",
        operationId: "deleteAgentsAgentid",
        breaking: true,
      },
    ]);
    expect(summary.operationsAfter).toBe(4);
  });

  it("a whole path going away removes each of its operations", () => {
    const { summary } = changesOf((spec) => delete spec.paths["/beta/agents/{agentId}"]);
    expect(summary.removed.map((c) => c.operation).sort()).toEqual([
      "DELETE /beta/agents/{agentId}",
      "GET /beta/agents/{agentId}",
    ]);
  });

  it("a new required parameter breaks; a new optional one does not", () => {
    const { all } = changesOf((spec) => {
      spec.paths["/beta/agents"]!["get"].parameters.push(
        { name: "email", in: "query", required: true, schema: { type: "string" } },
        { name: "phone", in: "query", schema: { type: "string" } },
      );
    });
    expect(all).toContainEqual({
      kind: "parameter-added",
      breaking: true,
      operation: "GET /beta/agents",
      detail: "required query parameter `email` added",
    });
    expect(all).toContainEqual(
      expect.objectContaining({
        kind: "parameter-added",
        breaking: false,
        detail: "optional query parameter `phone` added",
      }),
    );
  });

  it("a required parameter on an operation that had none breaks", () => {
    const { all } = changesOf((spec) => {
      spec.paths["/beta/tags"]!["post"].parameters = [
        { name: "force", in: "query", required: true, schema: { type: "boolean" } },
      ];
    });
    expect(all).toContainEqual(
      expect.objectContaining({
        kind: "parameter-added",
        breaking: true,
        operation: "POST /beta/tags",
      }),
    );
  });

  it("an optional parameter made required breaks, and a removed one too", () => {
    const { all } = changesOf((spec) => {
      spec.paths["/beta/agents"]!["get"].parameters[0].required = true;
      spec.paths["/beta/agents"]!["get"].parameters.push({
        name: "x",
        in: "query",
        schema: { type: "string" },
      });
    });
    expect(all).toContainEqual(
      expect.objectContaining({
        kind: "parameter-made-required",
        breaking: true,
        detail: "query parameter `pageLimit` is now required",
      }),
    );
    const removed = changesOf((spec) => (spec.paths["/beta/agents"]!["get"].parameters = [])).all;
    expect(removed).toContainEqual(
      expect.objectContaining({
        kind: "parameter-removed",
        breaking: true,
        detail: "query parameter `pageLimit` removed",
      }),
    );
  });

  it("a request field made required breaks", () => {
    const { all } = changesOf((spec) =>
      spec.components.schemas["CreateTagInput"].required.push("color"),
    );
    expect(all).toEqual([
      {
        kind: "request-field-made-required",
        breaking: true,
        operation: "POST /beta/tags",
        detail: "request field `color` is now required",
      },
    ]);
  });

  it("a required list appearing on a request schema breaks for each field", () => {
    const { all } = changesOf((spec) => {
      spec.components.schemas["CreateTagInput"] = {
        type: "object",
        properties: { name: { type: "string" }, color: { type: "string" } },
      };
    });
    expect(all.map((c) => c.kind)).not.toContain("request-field-made-required");
    const back = compareSpecs(
      (() => {
        const s = tinySpec();
        delete s.components.schemas["CreateTagInput"].required;
        return s as OpenApiDocument;
      })(),
      tinySpec() as OpenApiDocument,
    );
    expect([...back.changed.values()].flat()).toContainEqual(
      expect.objectContaining({
        kind: "request-field-made-required",
        breaking: true,
        detail: "request field `name` is now required",
      }),
    );
  });

  it("a removed response field breaks every operation that returns it", () => {
    const { all } = changesOf((spec) => delete spec.components.schemas["Agent"].properties.email);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "response-field-removed",
          breaking: true,
          operation: "GET /beta/agents",
          detail: "response 200 field `data[].email` removed",
        }),
        expect.objectContaining({
          kind: "response-field-removed",
          breaking: true,
          operation: "GET /beta/agents/{agentId}",
          detail: "response 200 field `data.email` removed",
        }),
      ]),
    );
    expect(all).toHaveLength(2);
  });

  it("a retyped response field breaks", () => {
    const { all } = changesOf(
      (spec) => (spec.components.schemas["Tag"].properties.name = { type: "integer" }),
    );
    expect(all).toEqual([
      expect.objectContaining({
        kind: "response-field-retyped",
        breaking: true,
        operation: "POST /beta/tags",
        detail: "response 200 field `data.name` changed type (string → integer)",
      }),
    ]);
  });

  it("a documentation-only edit is a non-breaking change", () => {
    const { summary, all } = changesOf(
      (spec) => (spec.paths["/beta/agents"]!["get"].summary = "List agents"),
    );
    expect(summary.breaking).toEqual([]);
    expect(all).toEqual([
      expect.objectContaining({ kind: "other", breaking: false, operation: "GET /beta/agents" }),
    ]);
  });

  it("everything is added when there was no previous snapshot", () => {
    const summary = compareSpecs(undefined, tinySpec() as OpenApiDocument);
    expect(summary.added).toHaveLength(4);
    expect(summary.breaking).toEqual([]);
  });
});
