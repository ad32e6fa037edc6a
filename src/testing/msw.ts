import type { DixaSandbox } from "./sandbox.js";

/**
 * The one thing the sandbox needs from Mock Service Worker: its `http` namespace's `all(path,
 * resolver)`. You pass yours (`import { http } from "msw"`, or `"msw/http"` in MSW 3), so this
 * package imports nothing from MSW and works with whichever version your suite uses.
 */
export interface MswHttp<Handler> {
  all(path: string, resolver: (info: { request: Request }) => Promise<Response>): Handler;
}

/**
 * MSW request handlers that answer every request to the Dixa API from the sandbox: add them to
 * `setupServer(...)` (or `server.use(...)`) and the client needs no `fetch` option. A reset fault
 * becomes MSW's network error (`Response.error()`).
 *
 * ```ts
 * import { http } from "msw";
 * import { setupServer } from "msw/node";
 * import { createDixaSandbox, dixaSandboxHandlers } from "dixa-beta/testing";
 *
 * const sandbox = createDixaSandbox();
 * const server = setupServer(...dixaSandboxHandlers(sandbox, http));
 * ```
 */
export function dixaSandboxHandlers<Handler>(
  sandbox: DixaSandbox,
  http: MswHttp<Handler>,
  options: { baseUrl?: string } = {},
): Handler[] {
  if (typeof http?.all !== "function") {
    throw new TypeError("dixaSandboxHandlers(sandbox, http): pass MSW's `http` namespace");
  }
  const baseUrl = (options.baseUrl ?? "https://dev.dixa.io").replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw new TypeError("dixaSandboxHandlers: `baseUrl` must be an http(s) URL");
  }
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      try {
        return await sandbox.fetch(request);
      } catch (error) {
        // The sandbox's reset fault: what MSW calls a network error.
        if (error instanceof TypeError && error.message === "fetch failed") return Response.error();
        throw error;
      }
    }),
  ];
}
