import { clientLimiter } from "./client-limiter.js";
import { createDixaCore, type DixaCore } from "./core.js";
import { createRawClient, type RawClient } from "./http/raw-client.js";
import type { DixaClientOptions } from "./options.js";
import { handWrittenResources, type HandWrittenResourceTypes } from "./resources/index.js";
import { generatedResources, type DixaResourcesWith } from "../generated/facade/resources.js";

export { packageUserAgent } from "./core.js";

/** The resources of a client, one per area of the API. */
export interface DixaResources extends DixaResourcesWith<HandWrittenResourceTypes> {}

/** A client: one resource per area of the API, and `raw` for any operation of the spec. */
export interface DixaClient extends DixaResources {
  /** Typed openapi-fetch client for any operation of the spec, through the same pipeline. */
  readonly raw: RawClient;
}

/**
 * Every resource's class, generated whole or extended by hand: the one list the client is built
 * from. Made when a client is (an app that only calls functions bundles none of the classes).
 */
function resourceClasses(): {
  readonly [Name in keyof DixaResources]: new (core: DixaCore) => DixaResources[Name];
} {
  return { ...generatedResources, ...handWrittenResources };
}

/**
 * Creates a client for the Dixa API (beta), with every resource ready to use.
 *
 * ```ts
 * import { createDixaClient } from "dixa-beta";
 * const dixa = createDixaClient({ apiKey: process.env.DIXA_API_KEY! });
 * const note = await dixa.notes.create(4711, { message: "Called the customer back" });
 * ```
 *
 * For the smallest bundle, call the operation functions with a core instead:
 * `notesCreate(createDixaCore({ apiKey }), 4711, { message })`.
 */
export function createDixaClient(options: DixaClientOptions): DixaClient {
  const core = createDixaCore({ ...options, rateLimit: clientLimiter(options) });
  const client: Record<string, unknown> = { raw: createRawClient(core) };
  for (const [name, Resource] of Object.entries(resourceClasses()))
    client[name] = new Resource(core);
  return client as unknown as DixaClient;
}
