import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { operationTable, type OperationId } from "../../generated/operation-table.js";

const spec = parse(
  readFileSync(new URL("../../openapi/dixa-beta.yaml", import.meta.url), "utf8"),
) as {
  paths: Record<string, Record<string, any>>;
};

/**
 * The example body Prism (static mode) answers with for an operation's success response. A
 * contract test compares the facade's result with it: it proves the facade unwrapped the right
 * thing and typed it as the spec says.
 */
export function exampleBody(operationId: OperationId, status?: number): any {
  const { method, path } = operationTable[operationId];
  const responses = spec.paths[path]![method].responses as Record<string, any>;
  const code =
    status === undefined ? Object.keys(responses).find((s) => s.startsWith("2"))! : String(status);
  const media = responses[code]?.content?.["application/json"];
  if (media === undefined) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0] as { value?: unknown } | undefined;
  return first?.value;
}

/** The `data` inside the example's `{ data }` envelope. */
export function exampleData(operationId: OperationId, status?: number): any {
  return exampleBody(operationId, status)?.data;
}

/** The request-body example the spec gives for an operation, when it gives one. */
export function exampleRequest(operationId: OperationId): any {
  const { method, path } = operationTable[operationId];
  const content = spec.paths[path]![method].requestBody?.content ?? {};
  const media = content["application/json"] ?? Object.values(content)[0];
  if (media?.example !== undefined) return media.example;
  const first = Object.values(media?.examples ?? {})[0] as { value?: unknown } | undefined;
  return first?.value;
}
