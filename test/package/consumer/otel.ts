/**
 * A consumer of `dixa-beta/otel`, the way the README's "Tracing with OpenTelemetry" shows.
 * Only `@opentelemetry/api` is installed (no SDK), so a tracer of our own records what the hook
 * starts; the calls go to the sandbox of dixa-beta/testing. Typechecked under NodeNext and
 * Bundler like sample.ts, and run by main.ts.
 */
import { trace, type Tracer } from "@opentelemetry/api";
import { createDixaClient, type DixaEvent } from "dixa-beta";
import { createDixaTracing, type DixaTracingOptions } from "dixa-beta/otel";
import { createDixaSandbox } from "dixa-beta/testing";

export interface OtelSummary {
  /** Span names, as started. */
  spans: string[];
  /** `url.template` of each span, as started. */
  templates: unknown[];
  /** What the user's own hook saw. */
  events: Array<DixaEvent["type"]>;
}

export async function runOtelSample(): Promise<OtelSummary> {
  const summary: OtelSummary = { spans: [], templates: [], events: [] };
  // The API's no-op tracer, with startSpan watched.
  const noop = trace.getTracer("consumer");
  const tracer: Tracer = Object.assign(Object.create(noop) as Tracer, {
    startSpan: ((name, options, context) => {
      summary.spans.push(name);
      summary.templates.push(options?.attributes?.["url.template"]);
      return noop.startSpan(name, options, context);
    }) satisfies Tracer["startSpan"],
  });
  const options: DixaTracingOptions = {
    tracer,
    onEvent: (event) => summary.events.push(event.type),
  };
  const sandbox = createDixaSandbox();
  const dixa = createDixaClient({
    apiKey: "consumer-token",
    fetch: sandbox.fetch,
    onEvent: createDixaTracing(options),
  });
  await dixa.notes.create(4711, { message: "Traced" });
  // The default: the global provider (none registered here, so spans go nowhere).
  createDixaClient({ apiKey: "consumer-token", onEvent: createDixaTracing() });
  return summary;
}
