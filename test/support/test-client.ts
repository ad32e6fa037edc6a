import { createDixaClient, type DixaClientOptions } from "../../src/index.js";
import type { LoopbackServer } from "./loopback-server.js";

/** A recognisable fake token: tests assert it never shows up where it must not. */
export const testApiKey = "dixa-test-key-5f0c7e-SECRET";

export function clientFor(server: LoopbackServer, options: Partial<DixaClientOptions> = {}) {
  return createDixaClient({
    apiKey: testApiKey,
    baseUrl: server.url,
    rateLimit: false,
    ...options,
  });
}
