import { sample, SchemaSizeExceededError } from "@stoplight/json-schema-sampler";
import { jsonLiteral } from "./emit.js";
import { SpecRefusedError } from "./spec-rules.js";
import { format, resolveConfig } from "prettier";
import { operationTraits } from "./render-operation-table.js";
import { isRecord, resolvePointer, type OpenApiDocument } from "./spec-document.js";

/** What Prism's static mode answers for one operation, and the error examples it documents. */
export interface ExampleAnswer {
  operationId: string;
  /** The lowest 2xx status the operation declares (Prism's choice). */
  status: number;
  /** The answer body, or undefined for an answer without content (a 204). */
  body?: unknown;
  /** Documented error statuses, each an index into `errorBodies`. */
  errors: Record<string, number>;
}

/**
 * Builds, per "METHOD /path/template", the answer Prism gives in its default static mode: the
 * lowest 2xx response, its `example` or first `examples` entry, else a sample of its schema made
 * by the same sampler Prism uses (@stoplight/json-schema-sampler). The in-process sandbox of
 * `dixa-beta/testing` answers from this table where none of its Dixa-like behaviours applies, so
 * it gives what `npm run mock` gives without starting Prism. Error examples are kept once each
 * (most operations share the same few) for answers to injected faults.
 */
export function exampleAnswerTable(doc: OpenApiDocument): {
  answers: Record<string, ExampleAnswer>;
  errorBodies: unknown[];
} {
  const answers: Record<string, ExampleAnswer> = {};
  const errorBodies: unknown[] = [];
  const errorIndex = new Map<string, number>();
  for (const [operationId, traits] of Object.entries(operationTraits(doc))) {
    const operation = (doc.paths[traits.path] as Record<string, unknown>)[traits.method];
    const responses = deref(doc, isRecord(operation) ? operation["responses"] : undefined) ?? {};
    const statuses = Object.keys(responses).filter((s) => /^\d{3}$/.test(s));
    const success = statuses.filter((s) => s.startsWith("2")).sort()[0];
    if (success === undefined) continue;
    const answer: ExampleAnswer = { operationId, status: Number(success), errors: {} };
    const where = `operation ${operationId} (${traits.method.toUpperCase()} ${traits.path})`;
    const body = bodyOf(doc, responses[success], true, where);
    if (body !== undefined) answer.body = body;
    for (const status of statuses.filter((s) => Number(s) >= 400)) {
      const example = bodyOf(doc, responses[status], false, where);
      if (example === undefined) continue;
      const key = JSON.stringify(example);
      if (!errorIndex.has(key)) {
        errorIndex.set(key, errorBodies.length);
        errorBodies.push(example);
      }
      answer.errors[status] = errorIndex.get(key)!;
    }
    answers[`${traits.method.toUpperCase()} ${traits.path}`] = answer;
  }
  return { answers, errorBodies };
}

/** The JSON example of a response; with `sampleSchema`, a schema sample when it has none. */
function bodyOf(
  doc: OpenApiDocument,
  response: unknown,
  sampleSchema: boolean,
  where: string,
): unknown {
  const content = deref(doc, deref(doc, response)?.["content"]);
  const media = deref(doc, content?.["application/json"]);
  if (media === undefined) return undefined;
  if (media["example"] !== undefined) return media["example"];
  const examples = deref(doc, media["examples"]);
  const first = examples === undefined ? undefined : deref(doc, Object.values(examples)[0]);
  if (first?.["value"] !== undefined) return first["value"];
  if (!sampleSchema || media["schema"] === undefined) return undefined;
  const budget = { left: maxSampledNodes };
  const schema = asPrismSeesIt(doc, media["schema"], new Set(), budget);
  if (budget.left < 0) {
    throw new SpecRefusedError(
      `${where}: its success answer's schema expands to more than ${maxSampledNodes} nodes once its $refs are followed (one schema reached along very many paths); refusing to sample it for the sandbox`,
    );
  }
  try {
    return sample(schema as Parameters<typeof sample>[0], { ticks: samplerTicks });
  } catch (error) {
    // The sampler's own error has an empty message (its constructor never sets one): name it.
    if (!(error instanceof SchemaSizeExceededError)) throw error;
    throw new SpecRefusedError(
      `${where}: its success answer's schema expands to more than ${samplerTicks} nodes, the most the sampler walks (Prism's limit too); refusing to sample it for the sandbox: give the answer an example in the description`,
    );
  }
}

/** How many schema nodes the sampler walks for one answer (Prism's own setting). */
const samplerTicks = 2500;

/**
 * How large a schema may grow once its `$ref`s are followed: the sampler walks it as a tree, so a
 * chain of schemas each listing the next twice would double with every level (2^25 nodes at 25
 * levels). The largest answer of the Dixa spec expands to a few thousand.
 */
const maxSampledNodes = 100_000;

/**
 * Prism samples the schema after @stoplight/http-spec has turned numeric formats into ranges
 * (an int32 becomes minimum -2^31...), which is why its samples read -2147483648; do the same,
 * resolving `$ref`s on the way (a reference cycle is cut, as the sampler would cut it).
 */
const formatRanges: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  float: [-(2 ** 128), 2 ** 128 - 1],
  double: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

function asPrismSeesIt(
  doc: OpenApiDocument,
  value: unknown,
  seen: Set<string>,
  budget: { left: number },
): unknown {
  // Past the budget nothing more is expanded: the caller refuses the schema.
  if (--budget.left < 0) return {};
  if (Array.isArray(value)) return value.map((item) => asPrismSeesIt(doc, item, seen, budget));
  if (!isRecord(value)) return value;
  const ref = value["$ref"];
  if (typeof ref === "string") {
    if (seen.has(ref)) return {};
    return asPrismSeesIt(doc, resolvePointer(doc, ref), new Set([...seen, ref]), budget);
  }
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] =
      key === "example" || key === "default" ? child : asPrismSeesIt(doc, child, seen, budget);
  }
  const range = typeof copy["format"] === "string" ? formatRanges[copy["format"]] : undefined;
  if (range !== undefined) {
    const [min, max] = range;
    const given = (bound: unknown, fallback: number) =>
      bound === undefined || Number.isNaN(Number(bound)) ? fallback : Number(bound);
    copy["minimum"] = Math.max(given(copy["minimum"], min), min);
    copy["maximum"] = Math.min(given(copy["maximum"], max), max);
  }
  return copy;
}

function deref(doc: OpenApiDocument, value: unknown): Record<string, any> | undefined {
  let node = value;
  for (let hops = 0; isRecord(node) && typeof node["$ref"] === "string" && hops < 16; hops++) {
    node = resolvePointer(doc, node["$ref"]);
  }
  return isRecord(node) ? node : undefined;
}

export async function renderExampleAnswers(
  doc: OpenApiDocument,
  specSha256: string,
  file: string,
): Promise<string> {
  const { answers, errorBodies } = exampleAnswerTable(doc);
  const source = [
    "/**",
    " * Generated by scripts/generate.ts from openapi/dixa-beta.yaml. Do not edit by hand.",
    " * Per operation (by method and path template), the answer Prism's static mode gives: its",
    " * status and body, and the documented error statuses as indexes into `errorBodies`.",
    ` * Spec sha256: ${specSha256}`,
    " */",
    "export interface ExampleAnswer {",
    "  operationId: string;",
    "  status: number;",
    "  body?: unknown;",
    "  errors: Record<string, number>;",
    "}",
    "",
    `export const errorBodies: readonly unknown[] = ${jsonLiteral(errorBodies)};`,
    "",
    `export const exampleAnswers: Readonly<Record<string, ExampleAnswer>> = ${jsonLiteral(answers)};`,
    "",
  ].join("\n");
  const prettierOptions = (await resolveConfig(file)) ?? {};
  return format(source, { ...prettierOptions, filepath: file });
}
