/**
 * The rules spec-controlled strings must follow before the generator builds anything from them.
 * A broken rule is a refusal that names the operation (or schema) and the rule, raised while the
 * model is built, so nothing is written. Names can be fixed by naming the operation in
 * scripts/operation-names.ts; paths cannot, so a path that breaks the grammar is refused.
 */
import { SpecRejectedError } from "./spec-document.js";

/** A spec the generator will not turn into code, and why. */
export class SpecRefusedError extends SpecRejectedError {
  override name = "SpecRefusedError";
}

/** `/beta` then segments of unreserved characters or `{placeholders}` that are identifiers. */
export const pathGrammar = /^\/beta(\/[A-Za-z0-9._~-]+|\/\{[A-Za-z_][A-Za-z0-9_]*\})*$/;

/** Path placeholders in template order. */
export function placeholders(path: string): string[] {
  return [...path.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!);
}

/**
 * Refuses a path outside the grammar, or whose placeholders and declared path parameters are
 * not the same set (each placeholder declared, each declared one used, none twice).
 */
export function checkPath(where: string, path: string, declared: readonly string[]): void {
  if (!pathGrammar.test(path)) {
    throw new SpecRefusedError(
      `${where}: the path ${JSON.stringify(path)} breaks the path grammar (segments of letters, digits and . _ ~ -, or {placeholder} with an identifier inside, under /beta)`,
    );
  }
  const used = placeholders(path);
  const twice = used.find((name, index) => used.indexOf(name) !== index);
  if (twice !== undefined) {
    throw new SpecRefusedError(`${where}: the placeholder {${twice}} appears twice in the path`);
  }
  const undeclared = used.find((name) => !declared.includes(name));
  if (undeclared !== undefined) {
    throw new SpecRefusedError(
      `${where}: the placeholder {${undeclared}} is not a declared path parameter (rule: every placeholder is a parameter "in: path")`,
    );
  }
  const unused = declared.find((name) => !used.includes(name));
  if (unused !== undefined) {
    throw new SpecRefusedError(
      `${where}: the path parameter ${JSON.stringify(unused)} has no {placeholder} in the path (rule: every path parameter appears in the path)`,
    );
  }
}

/** An operationId, as a key of the naming table and part of a reference page's address. */
export const operationIdGrammar = /^[A-Za-z][A-Za-z0-9._~-]*$/;

/** Words JavaScript reserves (strict mode and modules included): never a binding's name. */
export const reservedWords = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);

/** Names every object inherits: a property of that name would shadow or replace them. */
export const inheritedNames = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The client's own members beside its resources. */
export const clientMembers = new Set(["raw"]);

/** Members of every resource object beside its methods. */
export const resourceMembers = new Set(["core", "constructor"]);

/**
 * The package's own exports (src/index.ts, besides what it re-exports from generated/): a
 * generated function or type of the same name would be shadowed by them. A unit test keeps this
 * list equal to what src/index.ts exports.
 */
export const packageExports = new Set([
  "AcquireOptions",
  "AnyDixaError",
  "BulkFailure",
  "BulkOptions",
  "BulkRejection",
  "BulkRequestFailure",
  "BulkResult",
  "BulkResultOf",
  "BulkSuccess",
  "CallOptions",
  "components",
  "createDixaClient",
  "createDixaCore",
  "createDriftRecorder",
  "DixaAbortError",
  "DixaApiError",
  "DixaBulkResponseError",
  "DixaClient",
  "DixaClientOptions",
  "DixaCore",
  "DixaCoreOptions",
  "DixaError",
  "DixaErrorKind",
  "DixaEvent",
  "DixaEventBase",
  "DixaMalformedResponseError",
  "DixaNetworkError",
  "DixaPaginationError",
  "DixaRedirectError",
  "DixaResources",
  "DixaResponseInfo",
  "DixaResponseValidationError",
  "DixaTimeoutError",
  "DriftRecorder",
  "DriftRecorderOptions",
  "DriftRow",
  "Endpoint",
  "EventHook",
  "FetchLike",
  "HeadersOption",
  "HookErrorHandler",
  "HookErrorInfo",
  "isDixaApiError",
  "isDixaError",
  "OperationId",
  "operations",
  "OutcomeData",
  "OutcomeError",
  "Page",
  "Paginated",
  "parseDixaTimestamp",
  "paths",
  "RateLimit",
  "RateLimiter",
  "RateLimitOptions",
  "RateLimitPriority",
  "RateLimitTicket",
  "RawClient",
  "RequestDescription",
  "ResponseMismatch",
  "RetryOptions",
  "sharedRateLimiter",
  "splitBulkOutcomes",
  "ValidateResponses",
]);

/** Names generated code itself uses in the modules it writes: no generated type may take one. */
export const generatedCodeNames = new Set([
  "Promise",
  "Schemas",
  "Array",
  "Record",
  "FormData",
  "Resource",
  "Named",
]);

/** Why `name` may not name a resource of the client, or undefined when it may. */
export function resourceNameProblem(name: string): string | undefined {
  if (!/^[a-z][A-Za-z0-9]*$/.test(name)) {
    return "is not a name a resource can have (a lower-case letter, then letters and digits)";
  }
  if (clientMembers.has(name)) return `would replace the client's own \`${name}\``;
  if (inheritedNames.has(name)) return `is a name every JavaScript object already has`;
  return undefined;
}

/** Why `name` may not name a method of a resource, or undefined when it may. */
export function methodNameProblem(name: string): string | undefined {
  if (!/^[a-z][A-Za-z0-9]*$/.test(name)) {
    return "is not a name a method can have (a lower-case letter, then letters and digits)";
  }
  if (resourceMembers.has(name)) return `is a member every resource already has`;
  if (inheritedNames.has(name)) return `is a name every JavaScript object already has`;
  return undefined;
}

/** Why `name` may not name an exported function or type, or undefined when it may. */
export function exportNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return "is not an identifier of letters and digits";
  if (reservedWords.has(name)) return "is a reserved word";
  if (packageExports.has(name)) return "is already exported by the package";
  if (generatedCodeNames.has(name)) return "is a name generated code uses";
  return undefined;
}

/** A parameter's name as generated code shows it: reserved or taken names get a suffix. */
export function parameterLabel(name: string, taken: ReadonlySet<string>): string {
  let label = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "param";
  while (reservedWords.has(label) || taken.has(label)) label = `${label}Param`;
  return label;
}
