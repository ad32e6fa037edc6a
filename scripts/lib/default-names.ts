/**
 * Names for operations the naming table does not know yet, made to read like the table's own:
 * `GET /beta/agents/{agentId}/skills` becomes `agents.listSkills`, `POST /beta/agents/bulk`
 * `agents.createMany`, `POST /beta/knowledge/articles/{articleId}/publish`
 * `knowledge.publishArticle`.
 */

/** `getContact-endpoints` → `getContactEndpoints`; `Business Hours` → `businessHours`; `!!!` → ``. */
export function camel(value: string): string {
  const words = value.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((word, i) => (i === 0 ? word[0]!.toLowerCase() : word[0]!.toUpperCase()) + word.slice(1))
    .join("");
}

export function pascal(value: string): string {
  const word = camel(value);
  return word === "" ? "" : word[0]!.toUpperCase() + word.slice(1);
}

/** A plural English noun, as path segments name collections (`teams`, `categories`). */
export function isPlural(word: string): boolean {
  return /s$/i.test(word) && !/(ss|us|is|ics)$/i.test(word);
}

export function singular(word: string): string {
  if (!isPlural(word)) return word;
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes)$/i.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

const collectionVerbs: Record<string, string> = {
  get: "list",
  post: "create",
  put: "updateMany",
  patch: "patchMany",
  delete: "deleteMany",
};
const itemVerbs: Record<string, string> = {
  get: "get",
  post: "create",
  put: "update",
  patch: "patch",
  delete: "delete",
};
const bulkVerbs: Record<string, string> = {
  post: "createMany",
  put: "updateMany",
  patch: "patchMany",
  delete: "deleteMany",
};

/**
 * The method name an operation gets by default, from its HTTP method and the path after the
 * resource: a collection is listed, created, updated many at once; an item is got, updated,
 * patched, deleted; a last segment that is not a noun (`publish`, `close`) is the verb itself,
 * with the item it acts on (`publishArticle`).
 */
export function defaultMethodName(method: string, path: string, resource: string): string {
  const segments = path.split("/").slice(2);
  const isPlaceholder = (segment: string) => segment.startsWith("{");
  const lastPlaceholder = segments.map(isPlaceholder).lastIndexOf(true);
  const isResource = (word: string) => word === resource || singular(word) === singular(resource);
  const after = (lastPlaceholder === -1 ? segments.slice(1) : segments.slice(lastPlaceholder + 1))
    .map(camel)
    .filter((word) => word !== "" && !isResource(word));
  const ownerSegment = lastPlaceholder > 0 ? camel(segments[lastPlaceholder - 1]!) : "";
  const owner =
    ownerSegment === "" || isResource(ownerSegment) ? "" : pascal(singular(ownerSegment));
  const last = after.at(-1);
  if (last === undefined) {
    const verbs = lastPlaceholder === segments.length - 1 ? itemVerbs : collectionVerbs;
    return (verbs[method] ?? method) + (lastPlaceholder === segments.length - 1 ? owner : "");
  }
  if (last === "bulk" && bulkVerbs[method] !== undefined) {
    return bulkVerbs[method] + after.slice(0, -1).map(pascal).join("");
  }
  const rest = after.map(pascal).join("");
  if (method === "get") return (isPlural(last) ? "list" : "get") + rest;
  if (isPlural(last)) return (itemVerbs[method] ?? method) + rest;
  // The last segment is a verb: `close`, `publish`, `transfer/queue`.
  return camel(after.join("-")) + owner;
}
