import { createDixaClient } from "../../src/index.js";
import { createDixaSandbox, dixaSandboxHandlers } from "../../src/testing/index.js";
import { http } from "msw"; // MSW 3: import { http } from "msw/http";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

const sandbox = createDixaSandbox();
const server = setupServer(...dixaSandboxHandlers(sandbox, http));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => sandbox.reset());
afterAll(() => server.close());

it("answers the client through MSW: no fetch option needed", async () => {
  const dixa = createDixaClient({ apiKey: "test-token" });
  await dixa.notes.create(4711, { message: "Called the customer back" });
  expect(sandbox.requests[0]?.body).toEqual({ message: "Called the customer back" });
});
