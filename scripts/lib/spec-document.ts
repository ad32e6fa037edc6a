import { parse as parseYaml } from "yaml";

/** Why a downloaded description was refused; the message is the one-line reason the CLI prints. */
export class SpecRejectedError extends Error {
  override name = "SpecRejectedError";
}

export const httpMethods = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;

export interface OpenApiDocument {
  openapi: string;
  info: { title?: string; version?: string };
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export interface ValidatedSpec {
  document: OpenApiDocument;
  pathCount: number;
  operationCount: number;
}

/** Parses YAML or JSON text, refusing HTML pages and syntax errors with a one-line reason. */
export function parseSpecText(text: string): unknown {
  const start = text.trimStart();
  if (start.length === 0) throw new SpecRejectedError("the document is empty");
  if (start.startsWith("<")) {
    throw new SpecRejectedError("the document is an HTML/XML page, not an OpenAPI description");
  }
  try {
    if (start.startsWith("{")) return JSON.parse(text);
    return parseYaml(text, { uniqueKeys: true, maxAliasCount: -1 });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SpecRejectedError(`the document is not valid YAML or JSON (${detail})`);
  }
}

/**
 * Checks that a parsed document is a complete OpenAPI 3.x description of the Dixa beta API:
 * `openapi` 3.x, an `info` object, non-empty `paths` all under `/beta/`, and every local `$ref`
 * pointing at something. A truncated download usually fails the last check.
 */
export function validateSpec(candidate: unknown): ValidatedSpec {
  if (!isRecord(candidate)) throw new SpecRejectedError("the document is not a YAML/JSON object");
  const version = candidate["openapi"];
  if (typeof version !== "string" || !/^3\.\d+(\.\d+)?$/.test(version)) {
    const found =
      version === undefined ? "no `openapi` field" : `openapi: ${JSON.stringify(version)}`;
    throw new SpecRejectedError(`not an OpenAPI 3.x document (${found})`);
  }
  if (!isRecord(candidate["info"]))
    throw new SpecRejectedError("the document has no `info` object");
  const paths = candidate["paths"];
  if (!isRecord(paths) || Object.keys(paths).length === 0) {
    throw new SpecRejectedError("the document has no `paths`");
  }
  let operationCount = 0;
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/beta/")) {
      throw new SpecRejectedError(`path ${path} is not under /beta/`);
    }
    if (!isRecord(item)) throw new SpecRejectedError(`path ${path} is not an object`);
    operationCount += httpMethods.filter((method) => isRecord(item[method])).length;
  }
  if (operationCount === 0) throw new SpecRejectedError("the document declares no operations");
  checkLocalRefs(candidate);
  return {
    document: candidate as OpenApiDocument,
    pathCount: Object.keys(paths).length,
    operationCount,
  };
}

function checkLocalRefs(root: Record<string, unknown>): void {
  const stack: Array<{ value: unknown; at: string }> = [{ value: root, at: "#" }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((child, index) => stack.push({ value: child, at: `${at}/${index}` }));
      continue;
    }
    if (!isRecord(value)) continue;
    const isPropertyMap = at.endsWith("/properties");
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string" && !isPropertyMap) {
        if (!child.startsWith("#")) {
          throw new SpecRejectedError(
            `external $ref ${child} at ${at} is not supported in a snapshot`,
          );
        }
        if (resolvePointer(root, child) === undefined) {
          throw new SpecRejectedError(`dangling $ref ${child} at ${at}`);
        }
      } else if (isPropertyMap || !holdsLiteralData(key, child, at)) {
        stack.push({ value: child, at: `${at}/${escapePointerToken(key)}` });
      }
    }
  }
}

/** Example payloads are data, not description: a `$ref` key inside one is not a reference. */
function holdsLiteralData(key: string, child: unknown, at: string): boolean {
  if (key === "example" || key === "default" || key === "enum") return true;
  if (key === "examples") return Array.isArray(child);
  return key === "value" && /\/examples\/[^/]+$/.test(at);
}

/** Resolves a local JSON pointer such as `#/components/schemas/Agent`. */
export function resolvePointer(root: unknown, ref: string): unknown {
  const tokens = ref.replace(/^#\/?/, "");
  if (tokens === "") return root;
  let node: unknown = root;
  for (const raw of tokens.split("/")) {
    const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
