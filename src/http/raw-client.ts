import type { Client } from "openapi-fetch";
import type { paths } from "../types.js";

export type RawClient = Client<paths, `${string}/${string}`>;

const methods = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * `client.raw`: the openapi-fetch client with each call's path template added to its init, so
 * the transport can name the operation (`/beta/agents/{agentId}`) in errors and events. A
 * template rides along as a plain init field because an openapi-fetch middleware would cost
 * every call more than this client is allowed to add.
 */
export function tagPathTemplates(client: RawClient): RawClient {
  const tagged: Record<string, unknown> = {
    use: client.use.bind(client),
    eject: client.eject.bind(client),
    request: (method: string, path: string, init?: object) =>
      (client.request as Function)(method, path, { ...init, dixaPathTemplate: path }),
  };
  for (const method of methods) {
    const call = client[method] as Function;
    tagged[method] = (path: string, init?: object) =>
      call(path, { ...init, dixaPathTemplate: path });
  }
  return tagged as unknown as RawClient;
}
