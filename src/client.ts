import createClient from "openapi-fetch";
import { DixaApi, type RawClient } from "./api.js";
import { dixaMiddleware } from "./http/dixa-middleware.js";
import { createTransport } from "./http/transport.js";
import { resolveOptions, type DixaClientOptions } from "./options.js";
import { createRedactor } from "./redact.js";
import { AgentsResource } from "./resources/agents.js";
import { NotesResource } from "./resources/notes.js";
import type { paths } from "./types.js";
import { packageVersion } from "./version.js";

export const packageUserAgent = `dixa-beta-ts/${packageVersion}`;

export interface DixaClient {
  /** Typed openapi-fetch client for any operation of the spec, through the same pipeline. */
  readonly raw: RawClient;
  readonly agents: AgentsResource;
  readonly notes: NotesResource;
}

/**
 * Creates a client for the Dixa API (beta).
 *
 * ```ts
 * const dixa = createDixaClient({ apiKey: process.env.DIXA_API_KEY! });
 * const note = await dixa.notes.create(4711, { message: "Called the customer back" });
 * ```
 */
export function createDixaClient(options: DixaClientOptions): DixaClient {
  const resolved = resolveOptions(options, packageUserAgent);
  const redact = createRedactor(resolved.apiKey);
  const raw = createClient<paths, `${string}/${string}`>({
    baseUrl: resolved.baseUrl,
    fetch: createTransport({ fetch: resolved.fetch, timeoutMs: resolved.timeoutMs, redact }),
  });
  raw.use(dixaMiddleware({ apiKey: resolved.apiKey, userAgent: resolved.userAgent }));
  const api = new DixaApi(raw, redact);
  return {
    raw,
    agents: new AgentsResource(api),
    notes: new NotesResource(api),
  };
}
