import { expect } from "vitest";
import { sendJson, startLoopbackServer } from "./loopback-server.js";
import { clientFor } from "./test-client.js";

export type TestClient = ReturnType<typeof clientFor>;

/**
 * One validation case: `async` methods must reject (never throw synchronously); paged methods
 * throw at call time, before any page is fetched.
 */
export type RefusalCase = [
  name: string,
  kind: "async" | "paged",
  call: (client: TestClient) => unknown,
  message: RegExp,
];

/** Runs a case against a real loopback server and checks that not one request reached it. */
export async function expectRefusedBeforeSending([
  ,
  kind,
  call,
  message,
]: RefusalCase): Promise<void> {
  const server = await startLoopbackServer((_request, response) =>
    sendJson(response, 200, { data: [] }),
  );
  try {
    const client = clientFor(server);
    if (kind === "async") {
      let result: unknown;
      expect(() => (result = call(client))).not.toThrow();
      await expect(result).rejects.toThrow(TypeError);
      await expect(call(client) as Promise<unknown>).rejects.toThrow(message);
    } else {
      expect(() => call(client)).toThrow(TypeError);
      expect(() => call(client)).toThrow(message);
    }
    expect(server.requests).toHaveLength(0);
  } finally {
    await server.close();
  }
}

/** What a call threw or rejected with (undefined if it did neither). */
export async function errorOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return undefined;
}
