import { createRequire } from "node:module";
import { paths as jsonPaths, query as jsonQuery } from "jsonpathly";
import {
  overlayLimits,
  readOverlay,
  type Overlay,
  type OverlayAction,
} from "./overlay-document.js";
import {
  isRecord,
  SpecRejectedError,
  validateSpec,
  type OpenApiDocument,
} from "./spec-document.js";

/** What became of one action on this description. */
export interface ActionOutcome {
  action: OverlayAction;
  /** How many places the target selected. */
  matched: number;
  /**
   * `applied`: it changed the description. `unmatched`: its target selects nothing (the place
   * was renamed or removed upstream). `redundant`: every place it selects already says what it
   * would write (Dixa may have fixed the description upstream).
   */
  outcome: "applied" | "unmatched" | "redundant";
  /**
   * For an action that declares an `enum` where the description lists the values in prose
   * (`values: [...]`): the prose's values, when they differ from the declared ones.
   */
  proseValues?: string[];
}

export interface CorrectedSpec {
  document: OpenApiDocument;
  outcomes: ActionOutcome[];
}

type OpenapiOverlay = (
  document: unknown,
  options: { overlaySet: { overlay: string; actions: unknown[] } },
) => Promise<{ data: unknown; resultData: { totalUsedActions: number } }>;

// openapi-format's Overlay implementation, loaded alone (its main module brings its CLI's
// dependencies). It reports problems on console.error and carries on; the checks here make
// those paths unreachable, and any message it still writes is turned into a refusal.
const { openapiOverlay } = createRequire(import.meta.url)("openapi-format/utils/overlay.js") as {
  openapiOverlay: OpenapiOverlay;
};

/** Applies the project's overlay file (openapi/dixa-beta.overlay.yaml) to a validated description. */
export async function correctSpec(
  document: OpenApiDocument,
  overlay?: Overlay,
): Promise<CorrectedSpec> {
  return applyOverlay(document, overlay ?? (await readOverlay()));
}

/**
 * Applies the actions in order to a copy of the description. An action may select nothing or
 * change nothing: that is reported (Dixa may have fixed the description), not refused. Refused,
 * naming the action: a target that is not JSONPath, that selects more than the cap, or that
 * selects something other than an object; and a corrected description that no longer passes
 * the checks a download passes.
 */
export async function applyOverlay(
  document: OpenApiDocument,
  overlay: Overlay,
): Promise<CorrectedSpec> {
  // A copy through JSON: the caller's document stays as it was, and YAML aliases (one object
  // reached from two places) become separate objects, so an action changes only what it selects.
  let current = JSON.parse(JSON.stringify(document)) as OpenApiDocument;
  const outcomes: ActionOutcome[] = [];
  for (const action of overlay.actions) {
    const refuse = (why: string) =>
      new SpecRejectedError(`overlay action ${action.number} (${action.target}) ${why}`);
    const nodes = select(current, action.target, refuse);
    const outcome: ActionOutcome = {
      action,
      matched: nodes.length,
      outcome: nodes.length === 0 ? "unmatched" : "applied",
    };
    if (action.update !== undefined && nodes.length > 0) {
      const notObject = nodes.find((node) => !isRecord(node));
      if (notObject !== undefined) {
        throw refuse(`selects ${kind(notObject)}; an update applies to objects only`);
      }
      if (nodes.every((node) => contains(node, action.update))) outcome.outcome = "redundant";
      const prose = proseDrift(nodes, action.update);
      if (prose !== undefined) outcome.proseValues = prose;
    }
    if (outcome.outcome === "applied") current = await applyOne(current, action, refuse);
    outcomes.push(outcome);
  }
  try {
    validateSpec(current);
  } catch (error) {
    throw new SpecRejectedError(
      `the overlay leaves a description that is not valid: ${(error as Error).message}`,
    );
  }
  return { document: current, outcomes };
}

function select(
  document: OpenApiDocument,
  target: string,
  refuse: (why: string) => Error,
): unknown[] {
  let found: string[];
  try {
    found = jsonPaths(document, target);
  } catch (error) {
    throw refuse(`has a target that is not valid JSONPath (${(error as Error).message})`);
  }
  if (found.length > overlayLimits.maxMatchesPerAction) {
    throw refuse(
      `selects ${found.length} places, over the limit of ${overlayLimits.maxMatchesPerAction}`,
    );
  }
  if (found.length === 0) return [];
  return jsonQuery(document, target, { returnArray: true }) as unknown[];
}

async function applyOne(
  document: OpenApiDocument,
  action: OverlayAction,
  refuse: (why: string) => Error,
): Promise<OpenApiDocument> {
  const reported: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => void reported.push(args.map(String).join(" "));
  let result: Awaited<ReturnType<OpenapiOverlay>>;
  try {
    const { target, update, remove } = action;
    result = await openapiOverlay(document, {
      overlaySet: {
        overlay: "1.0.0",
        actions: [remove ? { target, remove } : { target, update: structuredClone(update) }],
      },
    });
  } finally {
    console.error = consoleError;
  }
  if (reported.length > 0) throw refuse(`could not be applied: ${reported[0]}`);
  if (result.resultData.totalUsedActions !== 1) throw refuse("was not applied by openapi-format");
  return result.data as OpenApiDocument;
}

/** True when `node` already holds everything `part` would merge into it. */
function contains(node: unknown, part: unknown): boolean {
  if (Array.isArray(part)) {
    return (
      Array.isArray(node) && part.every((item) => node.some((present) => contains(present, item)))
    );
  }
  if (isRecord(part)) {
    return (
      isRecord(node) &&
      Object.entries(part).every(
        ([key, value]) => Object.hasOwn(node, key) && contains(node[key], value),
      )
    );
  }
  return node === part;
}

/** The values a description lists in prose (`values: [A, B]`), when an enum action disagrees. */
function proseDrift(nodes: unknown[], update: Record<string, unknown>): string[] | undefined {
  const declared = update["enum"];
  if (!Array.isArray(declared)) return undefined;
  for (const node of nodes) {
    const description = isRecord(node) ? node["description"] : undefined;
    const listed = typeof description === "string" ? proseEnum(description) : undefined;
    if (listed === undefined) continue;
    const same =
      listed.length === declared.length && listed.every((value) => declared.includes(value));
    if (!same) return listed;
  }
  return undefined;
}

/** `values: [Active, Inactive]` in a description → `["Active", "Inactive"]`. */
export function proseEnum(description: string): string[] | undefined {
  const list = /values: \[([^\]]*)\]/.exec(description)?.[1];
  if (list === undefined) return undefined;
  return list
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return `a ${typeof value}`;
}
