import { inject } from "vitest";
import { createDixaClient, type DixaClientOptions } from "../../src/index.js";

/** A facade client pointed at the shared Prism mock; Prism accepts any token. */
export function prismClient(options: Partial<DixaClientOptions> = {}) {
  return createDixaClient({
    apiKey: "contract-test-token",
    baseUrl: inject("prismUrl"),
    ...options,
  });
}
