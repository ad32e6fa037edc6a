import { responseSchemas } from "../../generated/response-schemas.js";
import type { CoreState } from "../core.js";
import type { DixaResponseValidationError } from "../errors.js";
import type { Exchange } from "../http/transport.js";
import type { ResponseMismatch } from "./mismatch.js";
import type { ValidateResponses } from "./mode.js";
import { createResponseChecker, type ResponseChecker } from "./response-checker.js";

let checker: ResponseChecker | undefined;

/**
 * Checks one answer; each mismatch becomes a `response-mismatch` event, and with `strict` a
 * breaking one also throws (the call is not retried: the request succeeded).
 */
export function reportAnswer(
  state: CoreState,
  mode: ValidateResponses,
  method: string,
  pathTemplate: string,
  exchange: Exchange,
  body: unknown,
  ValidationError: typeof DixaResponseValidationError,
): void {
  checker ??= createResponseChecker(responseSchemas);
  const found = checker.check(method, pathTemplate, exchange.status, body);
  const { operationId } = found;
  if (operationId === undefined || found.mismatches.length === 0) return;
  const status = exchange.status;
  const mismatches: ResponseMismatch[] = found.mismatches.map((m) => ({
    operationId,
    status,
    ...m,
  }));
  if (found.more > 0) {
    mismatches.push({
      operationId,
      status,
      pointer: "",
      kind: "incomplete",
      expected: `at most ${found.mismatches.length} differences reported per answer`,
      received: `${found.more} more`,
      breaking: found.moreBreaking,
      schema: "",
    });
  }
  // Each through the call's events: a hook's error never changes the call (the guard reports
  // it through onHookError).
  for (const mismatch of mismatches) exchange.emit?.({ type: "response-mismatch", ...mismatch });
  const [first] = mismatches.filter((m) => m.breaking);
  if (mode === "strict" && first !== undefined) {
    const others = mismatches.length - 1;
    throw new ValidationError(
      `${method} ${pathTemplate} answered ${status} (the request succeeded) with a body that breaks Dixa's description: ` +
        `${first.pointer || "the body"}: expected ${first.expected}, got ${first.received}` +
        `${others > 0 ? ` (and ${others} more difference${others === 1 ? "" : "s"})` : ""}`,
      {
        method,
        pathTemplate,
        path: state.redact.text(exchange.path),
        operationId,
        status,
        mismatches,
      },
    );
  }
}
