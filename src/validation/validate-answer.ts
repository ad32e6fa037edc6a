import type { CoreState } from "../core.js";
import { DixaResponseValidationError } from "../errors.js";
import type { Exchange } from "../http/transport.js";
import type { CallOptions } from "../types.js";

/**
 * The one step `call.ts` takes when response validation is on. The checker and the table of the
 * description's answers are imported on first use, so an app that never turns validation on
 * neither loads nor parses them.
 */
export async function validateAnswer(
  state: CoreState,
  options: CallOptions | undefined,
  method: string,
  pathTemplate: string,
  exchange: Exchange,
  body: unknown,
): Promise<void> {
  const { reportAnswer } = await import("./report-answer.js");
  const mode = options?.validateResponses ?? state.validateResponses;
  // The error class goes along, so the lazily loaded part shares no module with the rest.
  reportAnswer(state, mode, method, pathTemplate, exchange, body, DixaResponseValidationError);
}
