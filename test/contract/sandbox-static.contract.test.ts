/**
 * The in-process sandbox answers like Prism's static mode where no Dixa-like behaviour applies,
 * from generated/example-answers.ts. This sends one valid request per operation to the shared
 * Prism and checks that the table holds Prism's very answer (status and body).
 */
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { exampleAnswers } from "../../generated/example-answers.js";
import { operationTable } from "../../generated/operation-table.js";
import { exampleRequest } from "./spec-examples.js";
import { requestViolations } from "./prism-client.js";

const spec = parse(readFileSync(new URL("../../openapi/dixa-beta.yaml", import.meta.url), "utf8"));

function deref(node: any): any {
  while (node && typeof node.$ref === "string") {
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce((at: any, key: string) => at?.[key], spec);
  }
  return node;
}

/** A value Prism accepts for a parameter of this schema. */
function valueFor(schema: any): string {
  const s = deref(schema) ?? {};
  if (s.enum) return String(s.enum[0]);
  if (s.type === "integer" || s.type === "number") return "4711";
  if (s.format === "uuid") return "93b885ad-fe0d-3089-8df6-34904fd59f71";
  if (s.format === "date-time") return "2021-12-01T12:46:36Z";
  if (s.type === "boolean") return "true";
  if (s.type === "array") return valueFor(s.items);
  return "x";
}

describe("the in-process static answers are Prism's", () => {
  it("for every operation Prism accepts a request built from the spec's examples", async () => {
    const prismUrl = inject("prismUrl");
    const compared: string[] = [];
    const skipped: string[] = [];
    for (const [operationId, op] of Object.entries(operationTable)) {
      const operation = spec.paths[op.path][op.method];
      const params = (operation.parameters ?? []).map(deref);
      let path: string = op.path;
      const query = new URLSearchParams();
      for (const p of params) {
        if (p.in === "path") path = path.replace(`{${p.name}}`, valueFor(p.schema));
        else if (p.in === "query" && p.required) query.set(p.name, valueFor(p.schema));
      }
      const body = exampleRequest(operationId as keyof typeof operationTable);
      const content = Object.keys(operation.requestBody?.content ?? {})[0];
      const response = await fetch(`${prismUrl}${path}${query.size ? `?${query}` : ""}`, {
        method: op.method.toUpperCase(),
        headers: {
          authorization: "static-token",
          ...(content === undefined ? {} : { "content-type": content }),
        },
        ...(body === undefined || content !== "application/json"
          ? {}
          : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const key = `${op.method.toUpperCase()} ${op.path}`;
      if (
        response.status >= 300 ||
        requestViolations(response.headers.get("sl-violations")).length > 0
      ) {
        skipped.push(`${key} (${response.status})`); // the spec's own example is not valid
        continue;
      }
      const expected = exampleAnswers[key]!;
      expect({ key, status: response.status }).toEqual({ key, status: expected.status });
      expect({ key, body: text === "" ? undefined : JSON.parse(text) }).toEqual({
        key,
        body: expected.body,
      });
      compared.push(key);
    }
    // Most of the 123 operations take the spec's request examples; the rest are upstream's
    // examples that break their own schema.
    expect(compared.length, `skipped: ${skipped.join(", ")}`).toBeGreaterThanOrEqual(100);
  }, 120_000);
});
