import type { Redactor } from "../redact.js";

/** Which of your hooks failed, and during which call. */
export interface HookErrorInfo {
  /** `onEvent` (tracing included: `createDixaTracing` is an `onEvent` hook) or `onResponse`. */
  hook: "onEvent" | "onResponse";
  /** For `onEvent`: the type of the event it was handling, and the call's `callId`. */
  eventType?: string;
  callId?: number;
  method: string;
  /** The OpenAPI path template of the call, e.g. `/beta/agents/{agentId}`. */
  pathTemplate: string;
}

/**
 * The `onHookError` option: told once about each error a hook of yours threw (or a promise it
 * returned rejected with). The call goes on as if the hook had not failed.
 */
export type HookErrorHandler = (error: unknown, info: HookErrorInfo) => void;

/** Runs a user's hook so that whatever it does, the call and the process go on. */
export type GuardedHook = (info: HookErrorInfo, run: () => unknown) => void;

/**
 * A hook never changes a call's outcome and never ends the process (OpenTelemetry's rule): what
 * it throws, and a promise it returns that rejects, is handed to `onHookError` once, or by
 * default logged with `console.error`, the token removed. A failing `onHookError` is logged too.
 */
export function guardHooks(handler: HookErrorHandler | undefined, redact: Redactor): GuardedHook {
  const report = (error: unknown, info: HookErrorInfo) => {
    const what = `${describe(info)}; the call went on`;
    if (handler === undefined) return log(what, error, redact);
    const handlerFailed = (failure: unknown) => {
      log(what, error, redact);
      log("onHookError threw while handling it", failure, redact);
    };
    try {
      const result = handler(error, info) as unknown;
      if (isThenable(result)) result.then(undefined, handlerFailed);
    } catch (failure) {
      handlerFailed(failure);
    }
  };
  return (info, run) => {
    try {
      const result = run();
      if (isThenable(result)) result.then(undefined, (error: unknown) => report(error, info));
    } catch (error) {
      report(error, info);
    }
  };
}

function describe(info: HookErrorInfo): string {
  const during = info.eventType === undefined ? "" : ` on a ${info.eventType} event`;
  return `your ${info.hook} hook threw${during} of ${info.method} ${info.pathTemplate}`;
}

/** The default channel: one `console.error` line and the stack, the token removed. */
function log(headline: string, error: unknown, redact: Redactor): void {
  let detail: string;
  try {
    detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } catch {
    detail = "(a thrown value that cannot be turned into text)";
  }
  console.error(redact.text(`dixa-beta: ${headline} (pass onHookError to handle it)\n${detail}`));
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
