import type { CoreState } from "../core.js";
import { DixaError, DixaResponseValidationError } from "../errors.js";
import type { Exchange } from "../http/transport.js";
import type { ValidateResponses } from "./mode.js";

/**
 * The one step `call.ts` and `client.raw` take when response validation is on. The checker and
 * the table of the description's answers are imported on first use, so an app that never turns
 * validation on neither loads nor parses them. When that import fails (a deploy or a bundler
 * left the chunk out), the call neither hangs nor leaves a rejection unhandled: `strict` fails
 * it with a DixaError saying so, `warn` reports a `response-validation-unavailable` event and
 * the call returns its answer unchecked.
 */
export async function validateAnswer(
  state: CoreState,
  mode: Exclude<ValidateResponses, "off">,
  method: string,
  pathTemplate: string,
  exchange: Exchange,
  body: unknown,
): Promise<void> {
  let loaded: typeof import("./report-answer.js");
  try {
    loaded = await import("./report-answer.js");
  } catch (cause) {
    const message = state.redact.text(
      `${method} ${pathTemplate}: response validation could not load its checker (${cause})`,
    );
    if (mode === "strict") throw new DixaError("unexpected", message, { cause });
    // `warn` has a hook (the client refuses it without), so the exchange carries its events.
    exchange.emit?.({ type: "response-validation-unavailable", message });
    return;
  }
  // The error class goes along, so the lazily loaded part shares no module with the rest.
  loaded.reportAnswer(
    state,
    mode,
    method,
    pathTemplate,
    exchange,
    body,
    DixaResponseValidationError,
  );
}
