/**
 * An in-process stand-in for Dixa: a `fetch` injected into the client that records every request
 * it is handed and answers with what the test's handler writes, in the shape of a Node
 * `ServerResponse` (`writeHead`, `end`, or `sendJson`). Nothing listens on a port: what reached
 * "the server" is exactly what the client handed to `fetch`.
 */
import { createDixaClient, type DixaClientOptions } from "../../src/index.js";
import { testApiKey } from "../support/test-client.js";

export interface RecordedRequest {
  method: string;
  /** Path and query, as a server sees it: `/beta/agents?pageLimit=1`. */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

/** What a handler writes its answer to. */
export class RecordedAnswer {
  status = 200;
  private readonly headers = new Headers();
  private body = "";

  writeHead(status: number, headers: Record<string, string> = {}): this {
    this.status = status;
    for (const [name, value] of Object.entries(headers)) this.headers.set(name, value);
    return this;
  }

  end(body = ""): this {
    this.body += body;
    return this;
  }

  toResponse(): Response {
    const empty = this.status === 204 || this.status === 205 || this.status === 304;
    return new Response(empty ? null : this.body, { status: this.status, headers: this.headers });
  }
}

export type Handler = (request: RecordedRequest, answer: RecordedAnswer) => void | Promise<void>;

/** Answers with a JSON body. */
export function sendJson(
  answer: RecordedAnswer,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  answer.writeHead(status, { "content-type": "application/json", ...headers });
  answer.end(JSON.stringify(body));
}

export interface Recording {
  requests: RecordedRequest[];
  fetch: (request: Request) => Promise<Response>;
  /** A client whose every request goes to this recording (no limiter: nothing to wait for). */
  client(options?: Partial<DixaClientOptions>): ReturnType<typeof createDixaClient>;
}

export function recordingFetch(
  handler: Handler = (_request, answer) => sendJson(answer, 200, { data: [] }),
): Recording {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    requests.push(recorded);
    const answer = new RecordedAnswer();
    await handler(recorded, answer);
    return answer.toResponse();
  };
  return {
    requests,
    fetch,
    client: (options = {}) =>
      createDixaClient({
        apiKey: testApiKey,
        baseUrl: "https://dixa.test",
        fetch,
        rateLimit: false,
        ...options,
      }),
  };
}
