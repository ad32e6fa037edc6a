import { inject } from "vitest";
import { createDixaClient, type DixaClientOptions } from "../../src/index.js";

/**
 * Prism reports what it found wrong with a request in the `sl-violations` header. An invalid
 * request usually gets a 4xx too, but not always (warnings, or a 2xx example chosen anyway), so
 * the contract client fails on any request-side violation, whatever the status.
 */
const failOnRequestViolations = async (request: Request): Promise<Response> => {
  const response = await fetch(request);
  const header = response.headers.get("sl-violations");
  if (header) {
    const violations = (
      JSON.parse(header) as Array<{ location: string[]; message: string }>
    ).filter((v) => v.location[0] === "request");
    if (violations.length > 0) {
      throw new Error(
        `Prism rejected ${request.method} ${new URL(request.url).pathname}: ${violations.map((v) => v.message).join("; ")}`,
      );
    }
  }
  return response;
};

/** A facade client pointed at the shared Prism mock; Prism accepts any token. */
export function prismClient(options: Partial<DixaClientOptions> = {}) {
  return createDixaClient({
    apiKey: "contract-test-token",
    baseUrl: inject("prismUrl"),
    fetch: failOnRequestViolations,
    ...options,
  });
}
