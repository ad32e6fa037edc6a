import { DixaApiError, DixaMalformedResponseError } from "./errors.js";
import { BufferedResponse } from "./http/buffered-response.js";
import type { RawClient } from "./http/raw-client.js";
import { parseRetryAfter } from "./http/retry-after.js";
import { Paginated, type PageBody } from "./paginate.js";
import type { Redactor } from "./redact.js";
import type {
  CallOptions,
  HttpMethod,
  ListItem,
  PathsWith,
  ResponseBody,
  ResponseData,
} from "./types.js";

/** Path, query and body of one call, in openapi-fetch's shape. */
export interface CallInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  bodySerializer?: (body: any) => any;
}

/**
 * The facade's one way to the API: every resource method goes through `send`, `data` or
 * `list`, which call the same openapi-fetch client as `client.raw` (same headers, transport,
 * limiter and retries), map non-2xx answers to DixaApiError and unwrap Dixa's `{ data }`
 * envelope.
 */
export class DixaApi {
  constructor(
    /** The openapi-fetch client itself (client.raw wraps it to add path templates). */
    private readonly openapiFetch: RawClient,
    private readonly redact: Redactor,
  ) {}

  /** Sends one request; resolves with the parsed body (undefined for an empty one). */
  async send<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options: CallOptions = {},
  ): Promise<ResponseBody<P, M> | undefined> {
    const upper = method.toUpperCase();
    const request = this.openapiFetch.request as unknown as (
      method: string,
      path: string,
      init: Record<string, unknown>,
    ) => Promise<{ data?: string; error?: unknown; response: Response }>;
    const {
      data: text,
      error,
      response,
    } = await request(method, pathTemplate, {
      ...init,
      ...options,
      parseAs: "text",
      dixaPathTemplate: pathTemplate,
    });
    const exchange = response instanceof BufferedResponse ? response : undefined;
    if (!response.ok) {
      throw new DixaApiError({
        status: response.status,
        method: upper,
        pathTemplate,
        path: exchange?.requestPath ?? pathTemplate,
        serverMessage: this.redact(serverMessage(error, response)),
        body: this.redact(error === "" ? undefined : error),
        retryAfter: parseRetryAfter(response.headers.get("retry-after")),
        attempts: exchange?.attempts ?? 1,
      });
    }
    if (text === undefined || text === "") return undefined;
    try {
      return JSON.parse(text) as ResponseBody<P, M>;
    } catch {
      throw new DixaMalformedResponseError(
        upper,
        pathTemplate,
        response.status,
        `a body that is not JSON (${describeText(text)})`,
      );
    }
  }

  /** Sends one request and returns what is inside the `{ data }` envelope. */
  async data<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options: CallOptions = {},
  ): Promise<ResponseData<P, M>> {
    const body = await this.send(method, pathTemplate, init, options);
    if (typeof body !== "object" || body === null || !("data" in body)) {
      throw new DixaMalformedResponseError(
        method.toUpperCase(),
        pathTemplate,
        200,
        "a body without the `{ data }` envelope",
      );
    }
    return (body as { data: ResponseData<P, M> }).data;
  }

  /** Sends one request whose success answer has no body (204, 202). */
  async void<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options: CallOptions = {},
  ): Promise<void> {
    await this.send(method, pathTemplate, init, options);
  }

  /** A lazily fetched, `for await`-able list over a paged endpoint. */
  list<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    pathTemplate: P,
    init: CallInit = {},
    options: CallOptions = {},
  ): Paginated<ListItem<P, M>> {
    const upper = method.toUpperCase();
    return new Paginated<ListItem<P, M>>(
      async (pageKey) => {
        const query = { ...init.params?.query, ...(pageKey === undefined ? {} : { pageKey }) };
        const page = await this.send(
          method,
          pathTemplate,
          { ...init, params: { ...init.params, query } },
          options,
        );
        return page as unknown as PageBody<ListItem<P, M>>;
      },
      { method: upper, pathTemplate },
    );
  }
}

function serverMessage(body: unknown, response: Response): string {
  if (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { message?: unknown }).message === "string"
  ) {
    const message = (body as { message: string }).message.trim();
    if (message !== "") return message;
  }
  return response.statusText || `HTTP ${response.status}`;
}

function describeText(text: string): string {
  const start = text.trimStart().slice(0, 1);
  if (start === "<") return "an HTML page";
  return `${text.length} characters`;
}
