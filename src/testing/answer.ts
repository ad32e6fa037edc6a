/** An answer the sandbox builds before it becomes a `Response`. */
export interface Answer {
  status: number;
  /** JSON body; undefined for none. */
  body?: unknown;
  headers?: Record<string, string>;
  /** `application/problem+json` for Prism's own errors; default `application/json`. */
  contentType?: string;
}

export function toResponse(answer: Answer): Response {
  const headers = new Headers(answer.headers);
  if (answer.body === undefined) return new Response(null, { status: answer.status, headers });
  headers.set("content-type", answer.contentType ?? "application/json");
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
}

/** Dixa's answer to a body it cannot read (the spec's 400 descriptions use these words). */
export function invalidBody(detail: string): Answer {
  return { status: 400, body: { message: `Invalid value for: body (${detail})` } };
}
