import { inject } from "vitest";
import { createDixaClient, type DixaClientOptions } from "../../src/index.js";

/**
 * Prism reports what it found wrong with a request in the `sl-violations` header. An invalid
 * request usually gets a 4xx too, but not always (warnings, or a 2xx example chosen anyway), so
 * the contract client fails on any request-side violation, whatever the status.
 */
const failOnRequestViolations = async (request: Request): Promise<Response> => {
  const response = await fetch(request);
  const messages = requestViolations(response.headers.get("sl-violations"));
  if (messages.length > 0) {
    throw new Error(
      `Prism rejected ${request.method} ${new URL(request.url).pathname}: ${messages.join("; ")}`,
    );
  }
  return response;
};

/**
 * The request-side messages in Prism's `sl-violations` header. With many (response-side)
 * violations Prism prefixes the header with "Too many violations! " and cuts it at about 8 KB,
 * so a header that no longer parses is scanned for request locations instead.
 */
export function requestViolations(header: string | null): string[] {
  if (!header) return [];
  const json = header.replace(/^Too many violations! /, "");
  try {
    return (JSON.parse(json) as Array<{ location: string[]; message: string }>)
      .filter((v) => v.location[0] === "request")
      .map((v) => v.message);
  } catch {
    const found = [
      ...json.matchAll(/"location":\["request"[^\]]*\][^}]*?"message":"((?:[^"\\]|\\.)*)"/g),
    ];
    return found.map((match) => match[1]!);
  }
}

/** A facade client pointed at the shared Prism mock; Prism accepts any token. */
export function prismClient(options: Partial<DixaClientOptions> = {}) {
  return createDixaClient({
    apiKey: "contract-test-token",
    baseUrl: inject("prismUrl"),
    fetch: failOnRequestViolations,
    ...options,
  });
}
