/**
 * The arguments of a facade call built from the spec's own examples, in the order the
 * generator gives the method its parameters: path parameters (the parameter's example, else a
 * value of its format), then the body (the request example), then the query (the examples of
 * its parameters), then nothing for the options.
 */
import { readFileSync } from "node:fs";
import { correctSpec } from "../../scripts/lib/apply-overlay.js";
import { planFacade, type PlannedOperation } from "../../scripts/lib/facade-plan.js";
import {
  parseSpecText,
  validateSpec,
  type OpenApiDocument,
} from "../../scripts/lib/spec-document.js";

// As the overlay corrects it: the client is generated, and Prism serves, from that.
export const spec: OpenApiDocument = (
  await correctSpec(
    validateSpec(
      parseSpecText(readFileSync(new URL("../../openapi/dixa-beta.yaml", import.meta.url), "utf8")),
    ).document,
  )
).document;
export const plan = planFacade(spec);

const byKind = { int64: 4711, integer: 1, uuid: "a53b25da-f676-4c52-acac-58c9280aa23d" };

export function argumentsFor(operation: PlannedOperation): unknown[] {
  const raw = spec.paths[operation.path]![operation.method] as Record<string, any>;
  const parameters = [
    ...((spec.paths[operation.path]!["parameters"] as any[]) ?? []),
    ...(raw["parameters"] ?? []),
  ].map((p) => resolve(p));
  const args: unknown[] = operation.pathParameters.map((p) => {
    const declared = parameters.find((q) => q.in === "path" && q.name === p.name);
    const example = exampleOf(declared) ?? exampleOf(resolve(declared?.schema));
    if (example !== undefined) return example;
    return p.kind === "string" ? "example" : byKind[p.kind];
  });
  if (operation.body !== undefined) {
    const example = requestExample(raw);
    args.push(
      operation.result === "bulk"
        ? Array.isArray(example)
          ? example
          : (example as { data?: unknown[] } | undefined)?.data
        : example,
    );
  }
  if (operation.query.length > 0 || operation.paged) {
    const query: Record<string, unknown> = {};
    for (const q of operation.query) {
      if (!q.required) continue;
      const declared = parameters.find((p) => p.in === "query" && p.name === q.name);
      query[q.name] = exampleOf(declared) ?? exampleOf(q.schema) ?? "example";
    }
    args.push(query);
  }
  return args;
}

function requestExample(operation: Record<string, any>): unknown {
  const content = resolve(operation["requestBody"])?.content ?? {};
  const media = content["application/json"] ?? Object.values(content)[0];
  return withoutZoneIds(exampleOf(media));
}

/**
 * The spec's request examples copy Dixa's answers' timestamps, `2021-12-01T12:46:36.581Z[GMT]`,
 * which are not the `date-time` the request schemas ask for (Prism refuses them): the zone id,
 * which only repeats the offset, is dropped.
 */
function withoutZoneIds(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/(Z|[+-]\d{2}:?\d{2})\[[^\]]+\]$/, "$1");
  if (Array.isArray(value)) return value.map(withoutZoneIds);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutZoneIds(v)]));
  }
  return value;
}

function exampleOf(node: any): unknown {
  if (node?.example !== undefined) return node.example;
  const first = Object.values(node?.examples ?? {})[0] as { value?: unknown } | undefined;
  return resolve(first)?.value;
}

function resolve(node: any): any {
  let current = node;
  for (let hops = 0; typeof current?.$ref === "string" && hops < 10; hops++) {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce(
        (at: any, token: string) => at?.[token.replace(/~1/g, "/").replace(/~0/g, "~")],
        spec,
      );
  }
  return current;
}

export type { PlannedOperation };
