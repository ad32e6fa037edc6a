import {
  context,
  SpanKind,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import type { DixaEvent, EventHook } from "../http/events.js";
import { describeOutcome, type Outcome } from "./call-outcome.js";
import { describeMethod } from "./http-method.js";
import { resolveTracingOptions, type DixaTracingOptions } from "./options.js";
import { attr, eventName } from "./semconv.js";
import { urlAttributes } from "./url-attributes.js";

/** What the hook keeps about one call between its `call-start` and its `call-end`. */
interface CallTrace {
  span: Span;
  /** The caller's context with the call's span in it: the parent of attempt spans. */
  within: Context;
  /** With `spanPerAttempt`: the span of the attempt under way, if one is. */
  attemptSpan: Span | undefined;
  /** The attempt under way or last made (0 before the first request). */
  attempt: number;
  /** Requests sent so far, redirects followed included: what `http.request.resend_count` counts. */
  requests: number;
  /** How the last attempt ended, until the next one starts. */
  last: Outcome | undefined;
}

type EventOf<T extends DixaEvent["type"]> = Extract<DixaEvent, { type: T }>;

/**
 * Makes an `onEvent` hook that turns the client's events into OpenTelemetry spans, following the
 * HTTP client span conventions:
 *
 * ```ts
 * import { createDixaClient } from "dixa-beta";
 * import { createDixaTracing } from "dixa-beta/otel";
 *
 * const dixa = createDixaClient({
 *   apiKey: process.env.DIXA_API_KEY!,
 *   onEvent: createDixaTracing(),
 * });
 * ```
 *
 * Each call gets a span named `{method} {url.template}` (e.g. `GET /beta/agents/{agentId}`),
 * started when the call starts, as a child of the context active where it was made, and ended
 * when its answer has been read in full or it failed. Retries and rate-limiter waits are span
 * events. One hook may serve several clients. The hook only reads the events, which the client
 * has already stripped of the token, and never their headers.
 */
export function createDixaTracing(options: DixaTracingOptions = {}): EventHook {
  const { tracer, onEvent: userHook, spanPerAttempt } = resolveTracingOptions(options);
  const calls = new Map<number, CallTrace>();
  const record = recorder(tracer, calls, spanPerAttempt);
  if (userHook === undefined) return record;
  return (event) => {
    // Ours first, and each whatever the other does: the span is opened and closed whatever the
    // user's hook does, and the user's hook sees every event even if a tracer fails. What either
    // throws reaches the client, which reports it through onHookError and lets the call go on.
    let tracing: { error: unknown } | undefined;
    try {
      record(event);
    } catch (error) {
      tracing = { error };
    }
    let result: unknown;
    try {
      // Returned, so a promise it rejects reaches the client's report too.
      result = userHook(event);
    } catch (error) {
      if (tracing === undefined) throw error;
      throw new AggregateError(
        [tracing.error, error],
        "the tracer and your onEvent hook both threw",
      );
    }
    if (tracing !== undefined) throw tracing.error;
    return result as void;
  };
}

function recorder(
  tracer: Tracer,
  calls: Map<number, CallTrace>,
  spanPerAttempt: boolean,
): EventHook {
  const start = (event: EventOf<"call-start">) => {
    // Called synchronously in the call's own async chain: the active context is the caller's.
    const parent = context.active();
    const { name, attributes } = describeRequest(event, event.url);
    if (event.priority !== undefined) attributes[attr.dixaRateLimitPriority] = event.priority;
    const kind = spanPerAttempt ? SpanKind.INTERNAL : SpanKind.CLIENT;
    const span = tracer.startSpan(name, { kind, attributes }, parent);
    calls.set(event.callId, {
      span,
      within: trace.setSpan(parent, span),
      attemptSpan: undefined,
      attempt: 0,
      requests: 0,
      last: undefined,
    });
  };

  const request = (call: CallTrace, event: EventOf<"request">) => {
    call.attempt = event.attempt;
    call.requests++;
    call.last = undefined;
    if (!spanPerAttempt) return;
    // Each request that reaches a server gets its span, a followed redirect's too: with its own
    // method (a 303 turns a POST into a GET), and without the template, which named the path
    // of the call's first request, not the one redirected to.
    const { name, attributes } = describeRequest(
      { method: event.requestMethod, pathTemplate: event.pathTemplate },
      event.url,
      event.redirects > 0,
    );
    if (call.requests > 1) attributes[attr.httpRequestResendCount] = call.requests - 1;
    call.attemptSpan = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, call.within);
  };

  const attemptEnded = (call: CallTrace, outcome: Outcome) => {
    call.last = outcome;
    if (call.attemptSpan === undefined) return;
    finish(call.attemptSpan, outcome);
    call.attemptSpan = undefined;
  };

  const end = (call: CallTrace, event: EventOf<"call-end">) => {
    // The call ended while an attempt was under way (it was aborted): that attempt failed too.
    if (call.attemptSpan !== undefined) attemptEnded(call, { kind: event.kind });
    const outcome: Outcome = { status: event.status, kind: event.kind };
    // The message of the failure that ended the call, not of an earlier attempt's.
    if (event.status === undefined && call.last !== undefined && call.last.kind === event.kind) {
      outcome.message = call.last.message;
    }
    // Every request after the first is a resend, retried or redirected (the HTTP conventions).
    const resends = Math.max(call.requests, event.attempts) - 1;
    if (resends > 0) call.span.setAttribute(attr.httpRequestResendCount, resends);
    finish(call.span, outcome);
  };

  return (event) => {
    if (event.type === "call-start") return start(event);
    const call = calls.get(event.callId);
    // Not a call this hook saw start (it cannot happen with one client; ignore rather than guess).
    if (call === undefined) return;
    switch (event.type) {
      case "rate-limit-wait":
        call.span.addEvent(eventName.rateLimitWait, {
          [attr.dixaAttempt]: event.attempt,
          [attr.dixaRateLimitWaitedMs]: event.waitedMs,
          [attr.dixaRateLimitPriority]: event.priority,
        });
        return;
      case "request":
        return request(call, event);
      case "response":
        return attemptEnded(call, { status: event.status });
      case "error":
        return attemptEnded(call, { kind: event.kind, message: event.message });
      case "retry": {
        const attributes: Attributes = {
          [attr.dixaAttempt]: event.attempt,
          [attr.dixaRetryDelayMs]: event.delayMs,
          [attr.dixaRetryReason]: event.reason,
        };
        // How the attempt that is retried ended: its status code or error.type.
        if (call.last !== undefined)
          Object.assign(attributes, describeOutcome(call.last).attributes);
        call.span.addEvent(eventName.retry, attributes);
        call.last = undefined;
        return;
      }
      case "call-end":
        calls.delete(event.callId);
        return end(call, event);
    }
  };
}

/**
 * The span's name, `{method} {url.template}` (e.g. `GET /beta/agents/{agentId}`), and what is
 * known when a request starts: all the conventions want at span creation (for samplers).
 */
function describeRequest(
  event: { method: string; pathTemplate: string },
  url: string,
  redirected = false,
): { name: string; attributes: Attributes } {
  const method = describeMethod(event.method);
  // Assigned, not spread: spreading these dotted keys costs several times more per call.
  const attributes = method.attributes;
  if (!redirected) attributes[attr.urlTemplate] = event.pathTemplate;
  Object.assign(attributes, urlAttributes(url));
  // Without a template, the conventions name the span by its method alone.
  const name = redirected ? method.namepart : `${method.namepart} ${event.pathTemplate}`;
  return { name, attributes };
}

function finish(span: Span, outcome: Outcome): void {
  const { attributes, status } = describeOutcome(outcome);
  span.setAttributes(attributes);
  if (status !== undefined) span.setStatus(status);
  span.end();
}
