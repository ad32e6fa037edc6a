/**
 * `error.kind` narrows to the subclass (issue 20.3): after `instanceof DixaError` or
 * `isDixaError`, a `switch (error.kind)` reaches each subclass's own fields. Checked by the
 * compiler (`npm run typecheck`); the assertions below run too.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  DixaApiError,
  DixaError,
  DixaRedirectError,
  DixaTimeoutError,
  isDixaError,
  type AnyDixaError,
  type DixaErrorKind,
} from "../../src/index.js";

/** What an app does with a failure: every kind handled, each through its own fields. */
function describeFailure(error: unknown): string {
  if (!(error instanceof DixaError)) return "not ours";
  switch (error.kind) {
    case "api":
      return `status ${error.status}, ${error.serverMessage}, retry after ${error.retryAfter}`;
    case "timeout":
      return `${error.timeoutMs} ms on ${error.path}`;
    case "network":
      return `network on ${error.pathTemplate}`;
    case "redirect":
      return `redirect ${error.status} to ${error.targetOrigin}`;
    case "malformed-response":
      return `malformed ${error.status}`;
    case "bulk-response":
      return `bulk ${error.inputCount} ${error.outcomes.length}`;
    case "pagination":
      return `pagination after ${error.pagesFetched}`;
    case "response-validation":
      return `${error.mismatches.length} differences in ${error.operationId}`;
    case "aborted":
    case "unexpected":
      return error.message;
    default: {
      // Every kind is handled above: a new one fails to compile here.
      const never: never = error;
      return never;
    }
  }
}

describe("error.kind narrows", () => {
  it("after instanceof DixaError", () => {
    const error: unknown = new DixaTimeoutError("GET", "/beta/agents", "/beta/agents", 5, {});
    expectTypeOf(describeFailure).returns.toEqualTypeOf<string>();
    if (error instanceof DixaError) {
      expectTypeOf(error).toEqualTypeOf<AnyDixaError>();
      if (error.kind === "api") expectTypeOf(error).toEqualTypeOf<DixaApiError>();
      if (error.kind === "redirect")
        expectTypeOf(error.targetOrigin).toEqualTypeOf<string | undefined>();
    }
  });

  it("after isDixaError, and a subclass's instanceof still narrows to itself", () => {
    const error: unknown = undefined;
    if (isDixaError(error)) {
      expectTypeOf(error.kind).toEqualTypeOf<DixaErrorKind>();
      if (error.kind === "timeout") expectTypeOf(error.timeoutMs).toBeNumber();
    }
    if (error instanceof DixaRedirectError) expectTypeOf(error).toEqualTypeOf<DixaRedirectError>();
    if (error instanceof DixaApiError) expectTypeOf(error.status).toBeNumber();
  });

  it("instanceof still answers at run time as before", () => {
    const timeout = new DixaTimeoutError("GET", "/beta/agents", "/beta/agents", 5);
    expectTypeOf(timeout instanceof DixaError).toBeBoolean();
    if (!(timeout instanceof DixaError) || timeout instanceof DixaApiError) {
      throw new Error("instanceof changed meaning");
    }
    if (describeFailure(timeout) !== "5 ms on /beta/agents")
      throw new Error(describeFailure(timeout));
  });
});
