import { trace, type Tracer, type TracerProvider } from "@opentelemetry/api";
import type { EventHook } from "../http/events.js";
import { describeValue } from "../validate.js";
import { packageVersion } from "../version.js";

export interface DixaTracingOptions {
  /**
   * The tracer that makes the spans. Default: one named `dixa-beta` from `tracerProvider`.
   * Give this or `tracerProvider`, not both.
   */
  tracer?: Tracer | undefined;
  /**
   * Where the `dixa-beta` tracer comes from. Default: the global provider
   * (`trace.getTracerProvider()`), looked up through the API's proxy, so a provider registered
   * after this hook was made is still the one used.
   */
  tracerProvider?: TracerProvider | undefined;
  /** Your own hook: it sees every event, unchanged and in order, as if tracing were not there. */
  onEvent?: EventHook | undefined;
  /**
   * `false` (default): one CLIENT span per call, its retries and limiter waits as span events.
   * `true`: one CLIENT span per request sent (an attempt, or a redirect the client follows),
   * each a child of an INTERNAL span for the call, as the HTTP conventions prefer where a client
   * can see each attempt.
   */
  spanPerAttempt?: boolean | undefined;
}

export interface ResolvedTracingOptions {
  tracer: Tracer;
  onEvent: EventHook | undefined;
  spanPerAttempt: boolean;
}

/** The instrumentation scope of the spans: this package, at this version. */
export const instrumentationName = "dixa-beta";

const what = "createDixaTracing";
const known = new Set(["tracer", "tracerProvider", "onEvent", "spanPerAttempt"]);

/** Checks the options once, when the hook is made, so a mistake fails there and says what. */
export function resolveTracingOptions(options: DixaTracingOptions): ResolvedTracingOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `${what}(options): options must be an object, got ${describeValue(options)}`,
    );
  }
  for (const name of Object.keys(options)) {
    if (!known.has(name)) {
      throw new TypeError(`${what}: unknown option \`${name}\` (known: ${[...known].join(", ")})`);
    }
  }
  const { tracer, tracerProvider, onEvent, spanPerAttempt = false } = options;
  if (tracer !== undefined && tracerProvider !== undefined) {
    throw new TypeError(`${what}: give \`tracer\` or \`tracerProvider\`, not both`);
  }
  if (tracer !== undefined && typeof (tracer as Partial<Tracer>).startSpan !== "function") {
    throw new TypeError(`${what}: \`tracer\` must be an OpenTelemetry Tracer (with startSpan)`);
  }
  if (
    tracerProvider !== undefined &&
    typeof (tracerProvider as Partial<TracerProvider>).getTracer !== "function"
  ) {
    throw new TypeError(
      `${what}: \`tracerProvider\` must be an OpenTelemetry TracerProvider (with getTracer)`,
    );
  }
  if (onEvent !== undefined && typeof onEvent !== "function") {
    throw new TypeError(`${what}: \`onEvent\` must be a function, got ${describeValue(onEvent)}`);
  }
  if (typeof spanPerAttempt !== "boolean") {
    throw new TypeError(
      `${what}: \`spanPerAttempt\` must be true or false, got ${describeValue(spanPerAttempt)}`,
    );
  }
  return {
    tracer:
      tracer ??
      (tracerProvider ?? trace.getTracerProvider()).getTracer(instrumentationName, packageVersion),
    onEvent,
    spanPerAttempt,
  };
}
