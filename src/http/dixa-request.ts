import type { RetryOptions } from "./retry-policy.js";

/** Per-call options openapi-fetch copies from a call's init object onto the Request it builds. */
export interface PerCallInit {
  /** The OpenAPI path template, added by the client's raw wrapper. */
  dixaPathTemplate?: string;
  timeoutMs?: number;
  retry?: RetryOptions | false;
}

/**
 * The Request class openapi-fetch builds every request with: a plain Request that also keeps
 * the body as it was given (a string of JSON, usually), so a retry can send it again without
 * the cost of cloning every request's body stream up front.
 */
export class DixaRequest extends Request {
  /** The body to send again on a retry. */
  private replayBody: BodyInit | null | undefined;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    this.replayBody = init?.body;
  }

  /**
   * Wraps a Request built elsewhere (for instance by a user middleware that replaced ours),
   * reading its body once so that it, too, can be sent again.
   */
  static async from(request: Request): Promise<DixaRequest> {
    const body = request.body === null ? null : await request.arrayBuffer();
    return copyOf(request, body);
  }

  /**
   * Before the first attempt of a multipart upload: keeps the encoded bytes, so a retry sends
   * the very same body with the same boundary rather than encoding the form again.
   */
  prepareReplay(): Promise<void> | undefined {
    if (typeof FormData === "undefined" || !(this.replayBody instanceof FormData)) return undefined;
    return this.clone()
      .arrayBuffer()
      .then((bytes) => {
        this.replayBody = bytes;
      });
  }

  /** A fresh copy for another attempt: same method, headers, body and caller signal. */
  retryCopy(): DixaRequest {
    return copyOf(this, this.replayBody ?? null);
  }
}

function copyOf(request: Request, body: BodyInit | null): DixaRequest {
  const copy = new DixaRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    redirect: request.redirect,
    signal: request.signal,
  });
  Object.assign(copy, perCallInitOf(request));
  return copy;
}

export function perCallInitOf(request: Request): PerCallInit {
  const { dixaPathTemplate, timeoutMs, retry } = request as Request & PerCallInit;
  return { dixaPathTemplate, timeoutMs, retry };
}
