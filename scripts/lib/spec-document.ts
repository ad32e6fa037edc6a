import { Composer, isMap, isPair, isScalar, isSeq, Lexer, Parser, type Document } from "yaml";
import { checkPathTemplate } from "./spec-path.js";

/** Why a downloaded description was refused; the message is the one-line reason the CLI prints. */
export class SpecRejectedError extends Error {
  override name = "SpecRejectedError";
}

/**
 * Caps on what a description may cost to read. The Dixa beta description is about 0.5 MB,
 * 97,000 YAML tokens, 17 levels deep, 15,000 values and uses no YAML aliases; each cap leaves
 * ample room for growth while refusing a hostile document (a "billion laughs" alias bomb, a
 * nesting bomb, a huge download, megabytes of `[1,1,1,…]`) within seconds instead of hanging or
 * exhausting memory. The token cap bounds the YAML parser's work, which the byte cap alone does
 * not: 20 MiB of tiny tokens would keep it busy for minutes.
 */
export const specLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxYamlTokens: 1_000_000,
  maxAliasCount: 100,
  maxDepth: 64,
  maxNodes: 1_000_000,
} as const;

export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** A refusal that a cut-off download could explain; `offset` is where a syntax error lies. */
class IncompleteDocumentError extends SpecRejectedError {
  constructor(
    message: string,
    readonly offset?: number,
    readonly danglingTargets: string[] = [],
  ) {
    super(message);
  }
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

/**
 * Parses and validates the text of a description; when the refusal looks like the effect of a
 * cut-off download (a syntax error on the last line, a document ending mid-line, references
 * into the missing tail), the reason says so.
 */
export function validateSpecText(text: string): ValidatedSpec {
  try {
    return validateSpec(parseSpecText(text));
  } catch (error) {
    if (!(error instanceof IncompleteDocumentError)) throw error;
    const truncation = truncationEvidence(text, error);
    if (truncation === undefined) throw new SpecRejectedError(error.message);
    throw new SpecRejectedError(`the download looks truncated (${truncation}; ${error.message})`);
  }
}

/**
 * Parses YAML or JSON text, refusing HTML pages, syntax errors and documents over the size,
 * alias or nesting caps with a one-line reason.
 */
export function parseSpecText(text: string): unknown {
  const start = text.trimStart();
  if (start.length === 0) throw new IncompleteDocumentError("the document is empty");
  if (start.startsWith("<")) {
    throw new SpecRejectedError("the document is an HTML/XML page, not an OpenAPI description");
  }
  const bytes = Buffer.byteLength(text);
  if (bytes > specLimits.maxBytes) {
    throw new SpecRejectedError(
      `the document is ${bytes} bytes, over the ${formatBytes(specLimits.maxBytes)} size limit`,
    );
  }
  const parsed = start.startsWith("{") ? parseJson(text) : parseYaml(text);
  checkShape(parsed);
  return parsed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset = /end of JSON input/.test(message) ? text.length : Number(position ?? NaN);
    throw new IncompleteDocumentError(
      `the document is not valid YAML or JSON (${message})`,
      Number.isNaN(offset) ? undefined : offset,
    );
  }
}

const yamlCollectionTokens = new Set(["block-map", "block-seq", "flow-collection"]);

/**
 * YAML is parsed in the `yaml` package's public steps (lexer, parser, composer) so the caps are
 * checked as early as they can be: the token count and the depth of `[`/`{` while lexing, the
 * depth of the token tree (built without recursion) before the composer, which recurses once
 * per level and overflows the stack at a few hundred levels, ever sees it.
 */
function parseYaml(text: string): unknown {
  const parser = new Parser();
  const tokens = [];
  let count = 0;
  let flowDepth = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (++count > specLimits.maxYamlTokens) {
      throw new SpecRejectedError(
        `the YAML has more than ${specLimits.maxYamlTokens} tokens (token limit)`,
      );
    }
    if (lexeme === "[" || lexeme === "{") {
      if (++flowDepth > specLimits.maxDepth) throw nestingError();
    } else if (lexeme === "]" || lexeme === "}") {
      flowDepth--;
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  if (maxTokenDepth(tokens) > specLimits.maxDepth) throw nestingError();
  // yaml's own duplicate-key check compares every pair of keys of a map (quadratic: 20,000
  // keys took 9 s), so keys are checked below in one pass instead.
  const documents = Array.from(
    new Composer({ uniqueKeys: false }).compose(tokens, true, text.length),
  );
  if (documents.length > 1) {
    throw new SpecRejectedError("the text holds more than one YAML document");
  }
  const document = documents[0]!;
  const [error] = document.errors;
  if (error) {
    const detail = `${error.message.split("\n")[0]} at line ${lineOf(text, error.pos[0])}`;
    throw new IncompleteDocumentError(
      `the document is not valid YAML or JSON (${detail})`,
      error.pos[0],
    );
  }
  checkKeys(document, text);
  try {
    return document.toJS({ maxAliasCount: specLimits.maxAliasCount });
  } catch (cause) {
    if (cause instanceof ReferenceError && /alias count/i.test(cause.message)) {
      throw new SpecRejectedError(
        `the YAML expands aliases more than ${specLimits.maxAliasCount} times (alias limit; a "billion laughs" document?)`,
      );
    }
    throw new SpecRejectedError(`the document is not valid YAML (${(cause as Error).message})`);
  }
}

/** Every mapping key must be a scalar, unique in its map as the JavaScript property it becomes. */
function checkKeys(document: Document, text: string): void {
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      const at = (isScalar(key) || isMap(key) || isSeq(key)) && key.range ? key.range[0] : 0;
      if (!isScalar(key)) {
        throw new SpecRejectedError(
          `the document is not valid YAML for OpenAPI (a mapping key that is not a plain value, at line ${lineOf(text, at)})`,
        );
      }
      const name = String(key.value);
      if (seen.has(name)) {
        throw new SpecRejectedError(
          `the document is not valid YAML or JSON (duplicate key ${JSON.stringify(name)} at line ${lineOf(text, at)})`,
        );
      }
      seen.add(name);
      stack.push(pair.value);
    }
  }
}

function maxTokenDepth(tokens: unknown[]): number {
  let deepest = 0;
  const stack: Array<{ node: unknown; depth: number }> = tokens.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    const type = (node as { type?: unknown }).type;
    const here = typeof type === "string" && yamlCollectionTokens.has(type) ? depth + 1 : depth;
    if (here > deepest) deepest = here;
    if (deepest > specLimits.maxDepth) return deepest;
    for (const child of Object.values(node)) {
      if (typeof child === "object" && child !== null) stack.push({ node: child, depth: here });
    }
  }
  return deepest;
}

function nestingError(): SpecRejectedError {
  return new SpecRejectedError(
    `the document nests deeper than ${specLimits.maxDepth} levels (nesting limit)`,
  );
}

/**
 * Walks the parsed value as a tree, so YAML aliases that point at the same object count once per
 * use: the node cap bounds what every later tree walk (ours, openapi-typescript's, redocly's,
 * api-smart-diff's) will have to visit.
 */
function checkShape(root: unknown): void {
  let nodes = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++nodes > specLimits.maxNodes) {
      throw new SpecRejectedError(
        `the document expands to more than ${specLimits.maxNodes} values (node limit)`,
      );
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= specLimits.maxDepth) throw nestingError();
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}

/**
 * Checks that a parsed document is a complete OpenAPI 3.x description of the Dixa beta API:
 * `openapi` 3.x, an `info` object, non-empty `paths` that all stay under `/beta/`, and
 * references that are all local and all point at something.
 */
export function validateSpec(candidate: unknown): ValidatedSpec {
  if (!isRecord(candidate)) {
    throw new IncompleteDocumentError("the document is not a YAML/JSON object");
  }
  const version = candidate["openapi"];
  if (typeof version !== "string" || !/^3\.\d+(\.\d+)?$/.test(version)) {
    const found =
      version === undefined ? "no `openapi` field" : `openapi: ${JSON.stringify(version)}`;
    throw new IncompleteDocumentError(`not an OpenAPI 3.x document (${found})`);
  }
  if (!isRecord(candidate["info"])) {
    throw new IncompleteDocumentError("the document has no `info` object");
  }
  const paths = candidate["paths"];
  if (!isRecord(paths) || Object.keys(paths).length === 0) {
    throw new IncompleteDocumentError("the document has no `paths`");
  }
  let operationCount = 0;
  for (const [path, item] of Object.entries(paths)) {
    const problem = checkPathTemplate(path);
    if (problem?.kind === "dot-segment") throw new SpecRejectedError(problem.message);
    if (problem !== undefined) throw new IncompleteDocumentError(problem.message);
    if (!isRecord(item)) throw new IncompleteDocumentError(`path ${path} is not an object`);
    operationCount += httpMethods.filter((method) => isRecord(item[method])).length;
  }
  if (operationCount === 0) {
    throw new IncompleteDocumentError("the document declares no operations");
  }
  checkReferences(candidate);
  return {
    document: candidate as OpenApiDocument,
    pathCount: Object.keys(paths).length,
    operationCount,
  };
}

/**
 * Refuses every reference that is not a local `#/…` pointer, wherever it stands: the resolvers
 * downstream (redocly's, used by openapi-typescript and the linter) follow `$ref` in any object,
 * example payloads included, plus `externalValue` and discriminator mappings, so one outside
 * file or URL would be read or requested. Local references must also resolve, except inside
 * example payloads, which are data.
 */
function checkReferences(root: Record<string, unknown>): void {
  const dangling: Array<{ ref: string; at: string }> = [];
  const stack: Array<{ value: unknown; at: string; inData: boolean }> = [
    { value: root, at: "#", inData: false },
  ];
  while (stack.length > 0) {
    const { value, at, inData } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((child, index) => stack.push({ value: child, at: `${at}/${index}`, inData }));
      continue;
    }
    if (!isRecord(value)) continue;
    const ref = value["$ref"];
    if (typeof ref === "string") {
      requireLocal(ref, "$ref", at);
      if (!inData && resolvePointer(root, ref) === undefined) dangling.push({ ref, at });
    }
    if (typeof value["externalValue"] === "string") {
      throw new SpecRejectedError(
        `externalValue ${value["externalValue"]} at ${at} points outside the document; a snapshot must be self-contained`,
      );
    }
    for (const [key, child] of Object.entries(value)) {
      const childAt = `${at}/${escapePointerToken(key)}`;
      if (key === "mapping" && at.endsWith("/discriminator") && isRecord(child)) {
        checkDiscriminatorMapping(root, child, childAt, dangling);
      }
      stack.push({ value: child, at: childAt, inData: inData || holdsLiteralData(key, child, at) });
    }
  }
  if (dangling.length > 0) {
    const [first] = dangling;
    const more = dangling.length > 1 ? ` (and ${dangling.length - 1} more)` : "";
    throw new IncompleteDocumentError(
      `dangling $ref ${first!.ref} at ${first!.at}${more}`,
      undefined,
      [...new Set(dangling.map((entry) => entry.ref))],
    );
  }
}

function requireLocal(ref: string, keyword: string, at: string): void {
  if (!ref.startsWith("#/")) {
    throw new SpecRejectedError(
      `${keyword} ${ref} at ${at} is not a local #/… reference; a snapshot must be self-contained`,
    );
  }
}

/** Mapping values are schema names, or references when they look like paths or URLs. */
function checkDiscriminatorMapping(
  root: Record<string, unknown>,
  mapping: Record<string, unknown>,
  at: string,
  dangling: Array<{ ref: string; at: string }>,
): void {
  for (const [name, target] of Object.entries(mapping)) {
    if (typeof target !== "string" || !/[/#:]/.test(target)) continue;
    const where = `${at}/${escapePointerToken(name)}`;
    requireLocal(target, "discriminator mapping", where);
    if (resolvePointer(root, target) === undefined) dangling.push({ ref: target, at: where });
  }
}

/** Example payloads are data, not description: a local `$ref` inside one need not resolve. */
function holdsLiteralData(key: string, child: unknown, at: string): boolean {
  if (key === "example" || key === "default" || key === "enum") return true;
  if (key === "examples") return Array.isArray(child);
  return key === "value" && /\/examples\/[^/]+$/.test(at);
}

/**
 * Decides whether a refusal is better explained by a cut-off download, and if so gives the
 * evidence; undefined when nothing points that way.
 */
function truncationEvidence(text: string, error: IncompleteDocumentError): string | undefined {
  const end = text.trimEnd().length;
  if (error.offset !== undefined) {
    const lastLineStart = text.lastIndexOf("\n", end - 1) + 1;
    if (error.offset >= lastLineStart) {
      return `it ends mid-structure at line ${lineOf(text, Math.min(error.offset, end))}`;
    }
    return undefined;
  }
  const isJson = text.trimStart().startsWith("{");
  if (!isJson && text.length > 0 && !text.endsWith("\n")) {
    return `it ends mid-line at line ${lineOf(text, text.length)}`;
  }
  if (error.danglingTargets.length >= 2 && pointsPastTheEnd(text, error.danglingTargets)) {
    return `${error.danglingTargets.length} $refs point into the part of the document where it ends`;
  }
  return undefined;
}

/**
 * True when, for every missing target, its deepest existing ancestor is the section the
 * document ends in (the chain of last keys from the root): what a download cut at a line
 * boundary leaves behind. A typo in a complete document points into a section followed by others.
 */
function pointsPastTheEnd(text: string, targets: string[]): boolean {
  let root: unknown;
  try {
    root = parseSpecText(text);
  } catch {
    return false;
  }
  const lastChain: string[] = [];
  for (let node = root; isRecord(node);) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[keys.length - 1]!;
    lastChain.push(key);
    node = node[key];
  }
  return targets.every((target) => {
    const tokens = pointerTokens(target);
    let node: unknown = root;
    let existing = 0;
    for (const token of tokens) {
      if (!isRecord(node) || !Object.hasOwn(node, token)) break;
      node = node[token];
      existing++;
    }
    return tokens.slice(0, existing).every((token, index) => lastChain[index] === token);
  });
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < offset;) {
    line++;
    index = text.indexOf("\n", index + 1);
  }
  return line;
}

function pointerTokens(ref: string): string[] {
  const tokens = ref.replace(/^#\/?/, "");
  if (tokens === "") return [];
  return tokens.split("/").map((raw) => {
    let token = raw;
    try {
      token = decodeURIComponent(raw);
    } catch {
      // a malformed escape is looked up as written
    }
    return token.replace(/~1/g, "/").replace(/~0/g, "~");
  });
}

/** Resolves a local JSON pointer such as `#/components/schemas/Agent`. */
export function resolvePointer(root: unknown, ref: string): unknown {
  let node: unknown = root;
  for (const token of pointerTokens(ref)) {
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
