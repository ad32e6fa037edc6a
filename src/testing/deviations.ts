/**
 * A change to a success answer's body, so a test can see how its code (and response validation)
 * copes with an answer that differs from Dixa's description: a field missing, of another type, a
 * value not in its list...
 */
export interface SandboxDeviation {
  /**
   * Where, as a JSON pointer into the body (`/data/email`, `/data/0/createdAt`); a step `*`
   * stands for every item of an array or every field of an object.
   */
  at: string;
  /** Put this JSON value there, replacing what is there or adding it. */
  set?: unknown;
  /** Take away what is there. */
  remove?: true;
}

/** Checks `deviate` of a fault; returns it or throws a TypeError naming the problem. */
export function checkDeviations(value: unknown, label: string): SandboxDeviation[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(
      `${label}: deviate must be a non-empty list such as [{ at: "/data/id", remove: true }]`,
    );
  }
  value.forEach((deviation: unknown, index) => {
    const name = `${label}: deviate[${index}]`;
    if (typeof deviation !== "object" || deviation === null)
      throw new TypeError(`${name} must be an object`);
    const { at, remove } = deviation as SandboxDeviation;
    if (typeof at !== "string" || (at !== "" && !at.startsWith("/"))) {
      throw new TypeError(`${name}.at must be a JSON pointer such as /data/email`);
    }
    const sets = Object.hasOwn(deviation, "set");
    if (remove !== undefined && remove !== true) throw new TypeError(`${name}.remove must be true`);
    if (sets === (remove === true))
      throw new TypeError(`${name} needs exactly one of set and remove`);
    if (remove === true && at === "") throw new TypeError(`${name} cannot remove the whole body`);
  });
  return value as SandboxDeviation[];
}

/** The answer with its JSON body changed; a body that is not JSON is refused. */
export async function deviateResponse(
  response: Response,
  deviations: readonly SandboxDeviation[],
): Promise<Response> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new TypeError("deviate: this answer's body is not JSON");
  }
  for (const deviation of deviations) body = deviate(body, deviation);
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

function deviate(body: unknown, { at, set, remove }: SandboxDeviation): unknown {
  if (at === "") return structuredClone(set);
  const steps = at
    .slice(1)
    .split("/")
    .map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = steps.pop()!;
  let matched = 0;
  for (const parent of locate(body, steps)) {
    for (const key of last === "*" ? keysOf(parent) : [last]) {
      if (Array.isArray(parent)) {
        const index = Number(key);
        if (!Number.isInteger(index) || index < 0 || index > parent.length) continue;
        if (remove) parent.splice(index, 1);
        else parent[index] = structuredClone(set);
      } else if (remove) {
        if (!Object.hasOwn(parent, key)) continue;
        delete parent[key];
      } else {
        Object.defineProperty(parent, key, {
          value: structuredClone(set),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      matched++;
    }
  }
  if (matched === 0) throw new TypeError(`deviate: nothing in this answer at ${at}`);
  return body;
}

type Container = Record<string, unknown> | unknown[];

/** The containers a pointer (without its last step) reaches; `*` fans out. */
function locate(body: unknown, steps: readonly string[]): Container[] {
  let found: unknown[] = [body];
  for (const step of steps) {
    found = found.flatMap((node) => {
      if (!isContainer(node)) return [];
      const keys = step === "*" ? keysOf(node) : [step];
      return keys
        .filter((key) => Object.hasOwn(node, key))
        .map((key) => (node as Record<string, unknown>)[key]);
    });
  }
  return found.filter(isContainer);
}

function keysOf(node: Container): string[] {
  return Array.isArray(node) ? node.map((_, i) => String(i)).reverse() : Object.keys(node);
}

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}
