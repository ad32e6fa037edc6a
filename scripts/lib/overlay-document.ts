import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultSpecDir } from "./project-paths.js";
import { isRecord, parseSpecText, SpecRejectedError } from "./spec-document.js";

/** The project's corrections to Dixa's description: one Overlay 1.0 document beside the snapshot. */
export const overlayFileName = "dixa-beta.overlay.yaml";
export const defaultOverlayFile = join(defaultSpecDir, overlayFileName);

/** One correction: where it applies, what it changes, why, and what shows Dixa's description is wrong. */
export interface OverlayAction {
  /** 1-based, as a reader counts the actions in the file. */
  number: number;
  target: string;
  description: string;
  evidence: string[];
  update?: Record<string, unknown>;
  remove?: true;
}

export interface Overlay {
  title: string;
  version: string;
  actions: OverlayAction[];
}

/**
 * What an overlay may ask for. Targets are JSONPath (RFC 9535) without recursive descent and
 * without regular expressions, so each one names where it applies and costs one walk of the
 * places it names; an update is plain JSON data no deeper than the spec itself may be.
 */
export const overlayLimits = {
  maxActions: 1_000,
  maxTargetLength: 2_000,
  maxTargetSegments: 24,
  maxMatchesPerAction: 2_000,
  maxUpdateDepth: 32,
  maxUpdateValues: 10_000,
} as const;

/** Reads and checks the overlay file; any problem is a refusal that names the action. */
export async function readOverlay(file = defaultOverlayFile): Promise<Overlay> {
  return parseOverlay(await readFile(file, "utf8"));
}

/** Parses overlay text with the same caps as a description (size, aliases, nesting, keys). */
export function parseOverlay(text: string): Overlay {
  let parsed: unknown;
  try {
    parsed = parseSpecText(text);
  } catch (error) {
    throw new SpecRejectedError(`the overlay is not readable: ${(error as Error).message}`);
  }
  return checkOverlay(parsed);
}

const topLevelKeys = new Set(["overlay", "info", "extends", "actions"]);
const actionKeys = new Set(["target", "description", "update", "remove", "x-evidence"]);
const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

export function checkOverlay(value: unknown): Overlay {
  const refuse = (why: string) => new SpecRejectedError(`the overlay ${why}`);
  if (!isRecord(value)) throw refuse("is not an object");
  const version = value["overlay"];
  if (typeof version !== "string" || !/^1\.0\.\d+$/.test(version)) {
    throw refuse(`must declare \`overlay: 1.0.x\` (got ${describe(version)})`);
  }
  for (const key of Object.keys(value)) {
    if (!topLevelKeys.has(key) && !key.startsWith("x-"))
      throw refuse(`has an unknown field \`${key}\``);
  }
  const info = value["info"];
  if (!isRecord(info) || typeof info["title"] !== "string" || typeof info["version"] !== "string") {
    throw refuse("needs `info` with a `title` and a `version`");
  }
  const actions = value["actions"];
  if (!Array.isArray(actions) || actions.length === 0) throw refuse("has no `actions`");
  if (actions.length > overlayLimits.maxActions) {
    throw refuse(`has ${actions.length} actions, over the limit of ${overlayLimits.maxActions}`);
  }
  return {
    title: info["title"],
    version: info["version"],
    actions: actions.map((action, index) => checkAction(action, index + 1)),
  };
}

function checkAction(value: unknown, number: number): OverlayAction {
  const target =
    isRecord(value) && typeof value["target"] === "string" ? value["target"] : undefined;
  const refuse = (why: string) =>
    new SpecRejectedError(`overlay action ${number}${target ? ` (${target})` : ""} ${why}`);
  if (!isRecord(value)) throw refuse("is not an object");
  for (const key of Object.keys(value)) {
    if (key === "copy") throw refuse("uses `copy`, which is Overlay 1.1; this file is Overlay 1.0");
    if (!actionKeys.has(key) && !key.startsWith("x-"))
      throw refuse(`has an unknown field \`${key}\``);
  }
  if (target === undefined) throw refuse("has no `target`");
  const targetProblem = checkTarget(target);
  if (targetProblem !== undefined)
    throw refuse(`has a target the project does not accept: ${targetProblem}`);
  const description = value["description"];
  if (typeof description !== "string" || description.trim() === "") {
    throw refuse("has no `description` saying why the description is corrected");
  }
  const evidence = value["x-evidence"];
  const evidenceList = typeof evidence === "string" ? [evidence] : evidence;
  if (
    !Array.isArray(evidenceList) ||
    evidenceList.length === 0 ||
    !evidenceList.every((item) => typeof item === "string" && item.trim() !== "")
  ) {
    throw refuse(
      "has no `x-evidence` (a text, or a list of texts, saying what shows the correction is right)",
    );
  }
  const hasUpdate = Object.hasOwn(value, "update");
  const remove = value["remove"];
  if (remove !== undefined && remove !== true) throw refuse("has `remove` other than `true`");
  if (hasUpdate === (remove === true))
    throw refuse("must have exactly one of `update` and `remove: true`");
  const base = {
    number,
    target,
    description: description.trim(),
    evidence: evidenceList as string[],
  };
  if (remove === true) {
    if (target === "$") throw refuse("removes the whole document");
    return { ...base, remove: true };
  }
  const update = value["update"];
  if (!isRecord(update))
    throw refuse("has an `update` that is not an object (targets must be objects)");
  const dataProblem = checkData(update);
  if (dataProblem !== undefined) throw refuse(`has an \`update\` that ${dataProblem}`);
  return { ...base, update };
}

const quotedName = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
const segmentPattern = new RegExp(
  String.raw`\.[A-Za-z_][A-Za-z0-9_-]*|\.\*|\[\*\]|\[\d{1,6}\]|\[\?[^[\]]+\]|` +
    String.raw`\[(?:${quotedName})(?:\s*,\s*(?:${quotedName}))*\]`,
  "y",
);

/**
 * A target is `$` followed by names (`.name`, `['name']`, `['a','b']`), indexes, wildcards and simple filters
 * (`[?@.title == 'Tag']`): no recursive descent (`..`), whose cost grows with the whole
 * document, and no `match()`/`search()`, whose regular expressions could take unbounded time.
 */
export function checkTarget(target: string): string | undefined {
  if (target.length > overlayLimits.maxTargetLength) {
    return `longer than ${overlayLimits.maxTargetLength} characters`;
  }
  if (!target.startsWith("$")) return "it does not start with `$`";
  let at = 1;
  let segments = 0;
  while (at < target.length) {
    if (target.startsWith("..", at))
      return "recursive descent (`..`) is not accepted; name the path";
    segmentPattern.lastIndex = at;
    const match = segmentPattern.exec(target);
    if (match === null) return `unexpected text at character ${at + 1}`;
    if (match[0].startsWith("[?") && /\b(match|search)\s*\(|=~|\.\./.test(match[0])) {
      return "filters may compare values, not match regular expressions";
    }
    at += match[0].length;
    if (++segments > overlayLimits.maxTargetSegments) {
      return `more than ${overlayLimits.maxTargetSegments} segments`;
    }
  }
  return undefined;
}

/** Plain JSON data, without keys that would reach an object's prototype when merged. */
function checkData(root: unknown): string | undefined {
  let values = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > overlayLimits.maxUpdateValues) {
      return `holds more than ${overlayLimits.maxUpdateValues} values`;
    }
    if (depth > overlayLimits.maxUpdateDepth)
      return `nests deeper than ${overlayLimits.maxUpdateDepth} levels`;
    if (value === null || typeof value === "string" || typeof value === "boolean") continue;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return "holds a number JSON cannot carry";
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (!isRecord(value)) return `holds a ${typeof value}, which is not JSON data`;
    for (const [key, child] of Object.entries(value)) {
      if (forbiddenKeys.has(key)) return `has a key \`${key}\``;
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
