/**
 * The sandbox's made-up data: deterministic ids, and the items of paged lists built from the
 * spec's own examples. Nothing here is random, so tests and docs can rely on ids and page keys.
 */

/**
 * A UUID that names its kind and position: `<8 hex digits from the kind>-0000-4000-8000-<n>`,
 * e.g. `sandboxId("note", 3)`. Valid as a UUID (version 4, RFC variant), so Prism accepts it in
 * a path, and never one of the spec's example ids.
 */
export function sandboxId(kind: string, n: number): string {
  return `${fnv1a(kind)}-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * `size` items for a paged list: the spec's example items first, as they are, then copies of
 * them in turn with a new id (`sandboxId(list, position)` for a UUID, the next free number for a
 * numeric id) and, in `displayName`, `name` and the local part of `email`, a trailing number
 * replaced by the position ("Agent 0" becomes "Agent 7").
 */
export function listItems(list: string, examples: readonly unknown[], size: number): unknown[] {
  if (examples.length === 0) return [];
  const numericIds = examples
    .map((item) => (isRecord(item) ? item["id"] : undefined))
    .filter((id): id is number => typeof id === "number");
  let nextNumber = numericIds.length > 0 ? Math.max(...numericIds) + 1 : 1;
  const items: unknown[] = [];
  for (let i = 0; i < size; i++) {
    if (i < examples.length) {
      items.push(structuredClone(examples[i]));
      continue;
    }
    const copy = structuredClone(examples[i % examples.length]);
    if (isRecord(copy)) {
      const id = copy["id"];
      if (typeof id === "number") copy["id"] = nextNumber++;
      else if (typeof id === "string") copy["id"] = isUuid(id) ? sandboxId(list, i) : `${id}-${i}`;
      for (const field of ["displayName", "name"]) {
        const value = copy[field];
        if (typeof value === "string") copy[field] = value.replace(/\d+$/, String(i));
      }
      if (typeof copy["email"] === "string") {
        copy["email"] = copy["email"].replace(/\d+@/, `${i}@`);
      }
    }
    items.push(copy);
  }
  return items;
}

/** A timestamp in the form Dixa writes them in bulk answers: `2021-12-01T12:46:36.581Z[GMT]`. */
export function dixaTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString()}[GMT]`;
}

export function isUuid(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
