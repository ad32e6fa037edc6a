import { DixaAbortError, DixaNetworkError, DixaTimeoutError } from "../errors.js";
import type { Redactor } from "../redact.js";
import { rememberExchange, requestInfo } from "./exchange.js";

export type FetchLike = (input: Request) => Promise<Response>;

export interface TransportOptions {
  fetch: FetchLike;
  /** Default time limit for one request, headers and body together. */
  timeoutMs: number;
  redact: Redactor;
}

/**
 * The fetch function handed to openapi-fetch. It owns the whole exchange: it enforces the time
 * limit over headers *and* body, honours the caller's AbortSignal, reads the body completely
 * (so a connection cut mid-body is a network error here, not a parse error later), and turns
 * every failure into a DixaError that names the operation but never the token.
 */
export function createTransport(options: TransportOptions): FetchLike {
  const { redact } = options;
  return async function dixaTransport(request: Request): Promise<Response> {
    const info = requestInfo(request);
    const path = new URL(request.url).pathname;
    const timeoutMs = info.timeoutMs ?? options.timeoutMs;
    const callerSignal = request.signal;
    if (callerSignal.aborted)
      throw new DixaAbortError(info.method, info.pathTemplate, { attempts: 0 });

    const controller = new AbortController();
    let timedOut = false;
    const onCallerAbort = () => controller.abort(callerSignal.reason);
    callerSignal.addEventListener("abort", onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await options.fetch(new Request(request, { signal: controller.signal }));
      const body = await response.arrayBuffer();
      const buffered = new Response(body.byteLength === 0 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      rememberExchange(buffered, { ...info, path, attempts: 1 });
      return buffered;
    } catch (error) {
      if (timedOut)
        throw new DixaTimeoutError(info.method, info.pathTemplate, path, timeoutMs, {
          attempts: 1,
        });
      if (callerSignal.aborted)
        throw new DixaAbortError(info.method, info.pathTemplate, { attempts: 1 });
      throw new DixaNetworkError(
        info.method,
        info.pathTemplate,
        path,
        redact(describeNetworkFailure(error)),
        {
          attempts: 1,
        },
      );
    } finally {
      clearTimeout(timer);
      callerSignal.removeEventListener("abort", onCallerAbort);
    }
  };
}

/** undici reports "fetch failed" and hides the reason in `cause`; surface the useful part. */
function describeNetworkFailure(error: unknown): string {
  const outer = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message = typeof cause?.message === "string" ? cause.message : undefined;
  return [outer, code, message]
    .filter((part, i, all) => part && all.indexOf(part) === i)
    .join(": ");
}
