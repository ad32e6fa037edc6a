import {
  agentsList,
  createDixaCore,
  isDixaApiError,
  notesCreate,
  sharedRateLimiter,
  type DixaEndpoints,
  type DixaResponseInfo,
} from "../../src/index.js";
import { createDixaSandbox } from "../../src/testing/index.js";
import { expect, it } from "vitest";

const sandbox = createDixaSandbox();
const apiKey = "test-token";
// Only the operations you import are bundled; the limiter too is yours to add.
const dixa = createDixaCore({ apiKey, fetch: sandbox.fetch, rateLimit: sharedRateLimiter(apiKey) });

it("creates a note with a header of its own, and reads the exchange behind it", async () => {
  const note: DixaEndpoints["notes.create"]["body"] = { message: "Called the customer back" };
  let exchange: DixaResponseInfo | undefined;
  const created = await notesCreate(dixa, 4711, note, {
    headers: { "X-Request-Id": "ticket-1234" },
    onResponse: (response) => (exchange = response),
  });
  expect(created.message).toBe("Called the customer back");
  expect(exchange?.status).toBe(200);
  expect(exchange?.pathTemplate).toBe("/beta/conversations/{conversationId}/notes");
  expect(sandbox.requests.at(-1)?.headers["x-request-id"]).toBe("ticket-1234");
});

it("pages, and an API error carries the exchange too", async () => {
  const agents = await agentsList(dixa, { pageLimit: 2 }).toArray();
  expect(agents).toHaveLength(sandbox.agents.length);
  sandbox.faults.next({ status: 404 });
  const error = await notesCreate(dixa, 4711, { message: "again" }).catch((e: unknown) => e);
  expect(isDixaApiError(error) && error.response?.status).toBe(404);
});
