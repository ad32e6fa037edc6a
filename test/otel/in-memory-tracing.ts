/**
 * An OpenTelemetry SDK that keeps finished spans in memory, as the tests of dixa-beta/otel read
 * them, and a way to write a span out whole (to search it for the token).
 */
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";

export interface InMemoryTracing {
  provider: BasicTracerProvider;
  exporter: InMemorySpanExporter;
  /** Finished spans so far, oldest first. */
  spans(): ReadableSpan[];
}

export function inMemoryTracing(): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  return { provider, exporter, spans: () => exporter.getFinishedSpans() };
}

/** Everything an exporter could send of a span: name, ids, attributes, events, status, scope. */
export function serialiseSpan(span: ReadableSpan): string {
  return JSON.stringify({
    name: span.name,
    kind: span.kind,
    context: span.spanContext(),
    parent: span.parentSpanContext,
    status: span.status,
    attributes: span.attributes,
    events: span.events,
    links: span.links,
    scope: span.instrumentationScope,
    resource: span.resource.attributes,
  });
}

/** The span's attributes as a plain object (for toEqual). */
export function attributesOf(span: ReadableSpan): Record<string, unknown> {
  return { ...span.attributes };
}
