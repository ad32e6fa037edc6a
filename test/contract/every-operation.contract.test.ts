/**
 * Every operation of the spec, driven by the generator's own plan: the facade call built from
 * the spec's examples passes Prism's validation of the request and returns what the method's
 * kind promises. A refreshed spec brings its new operations into this test by itself.
 */
import { describe, expect, it } from "vitest";
import { Paginated, type DixaClient } from "../../src/index.js";
import { argumentsFor, plan } from "./operation-arguments.js";
import { prismClient } from "./prism-client.js";
import { exampleBody, exampleData } from "./spec-examples.js";
import type { OperationId } from "../../generated/operation-table.js";

/**
 * The operations written by hand, which this test cannot drive from the spec's examples alone:
 * each with the reason, and the test that covers it instead. A new hand-written operation fails
 * the last test below until it is listed here.
 */
const coveredElsewhere: Record<string, string> = {
  // Prism 5.14 turns multipart parts into one string per name, so a file array never validates.
  "knowledge.uploadAttachments": "knowledge.contract.test.ts, knowledge-upload.test.ts",
  // Their bodies are unions whose members only `_type` tells apart, and the spec leaves `_type`
  // out: Prism's "exactly one of" fails for the spec's own examples.
  "conversations.create": "conversations.contract.test.ts",
  "conversations.import": "conversations.contract.test.ts",
  "messages.create": "messages.contract.test.ts",
  "ratings.submit": "ratings.contract.test.ts",
  "search.conversations": "search.contract.test.ts",
  "webhooks.create": "webhooks.contract.test.ts",
  "webhooks.update": "webhooks.contract.test.ts",
  // Periods are rewritten into Dixa's tagged form, which the spec's schema does not describe.
  "analytics.getMetricData": "analytics.contract.test.ts",
  "analytics.listRecordData": "analytics.contract.test.ts",
  // Their parameters are not the spec's body: the list inside it, or the ids inside it.
  "tags.tagConversationByNames": "tags.contract.test.ts",
  "queues.addMembers": "queues.contract.test.ts",
  // The spec documents a bare list, unlike every other answer.
  "agents.listPresence": "agents.contract.test.ts",
};

describe("every operation through its facade method, checked by Prism", () => {
  const client = prismClient() as unknown as Record<string, Record<string, Function>>;
  for (const operation of plan.operations) {
    const call = `${operation.resource}.${operation.name}`;
    it.skipIf(operation.hand)(`${call} (${operation.operationId})`, async () => {
      const resource = client[operation.resource]!;
      const method = resource[operation.name]!;
      const example = exampleBody(operation.operationId as OperationId);
      const args = argumentsFor(operation);
      if (operation.result === "bulk") {
        // Prism answers the example's outcomes whatever was sent: send as many items.
        const items = args[operation.pathParameters.length] as unknown[];
        const count = (example.data as unknown[]).length;
        args[operation.pathParameters.length] = Array.from(
          { length: count },
          (_, i) => items[i % items.length],
        );
      }
      const result = method.apply(resource, args);
      switch (operation.result) {
        case "pages": {
          expect(result).toBeInstanceOf(Paginated);
          const first = await (result as Paginated<unknown>).pages().next();
          expect(first.value?.items).toEqual(example?.data ?? []);
          break;
        }
        case "data":
          // Without an example in the spec, Prism makes one up from the schema.
          if (example === undefined) expect(await result).toBeDefined();
          else expect(await result).toEqual(example.data);
          break;
        case "void":
          expect(await result).toBeUndefined();
          break;
        case "bulk": {
          const { successes, failures } = (await result) as {
            successes: Array<{ index: number; data: unknown }>;
            failures: Array<{ index: number; reason: string; error: unknown }>;
          };
          const outcomes = example.data as Array<{ data?: unknown; error?: unknown }>;
          expect(successes.map((s) => s.data)).toEqual(
            outcomes.filter((o) => "data" in o).map((o) => o.data),
          );
          expect(failures.map((f) => [f.reason, f.error])).toEqual(
            outcomes.filter((o) => "error" in o).map((o) => ["rejected", o.error]),
          );
          break;
        }
        default:
          expect(await result).toEqual(example);
      }
    });
  }

  it("every operation written by hand is covered by a test of its own", () => {
    const hand = plan.operations.filter((o) => o.hand).map((o) => `${o.resource}.${o.name}`);
    expect(hand.filter((call) => !(call in coveredElsewhere))).toEqual([]);
    expect(Object.keys(coveredElsewhere).filter((call) => !hand.includes(call))).toEqual([]);
  });
});

const teamId = "005e7108-c85c-41d1-a945-4a8dc58c4399";
const scheduleId = "a0d559bf-cdf8-4088-841d-f3807b93272e";

/**
 * Calls with arguments other than the spec's examples (the test above sends those), for
 * resources with no contract file of their own: Prism checks the request, and answers with the
 * operation's example.
 */
const otherArguments: [
  call: string,
  send: (client: DixaClient) => Promise<unknown>,
  OperationId,
][] = [
  [
    "contactEndpoints.get by e-mail address",
    (client) => client.contactEndpoints.get("some@email.com"),
    "getContact-endpointsContactendpointid",
  ],
  [
    "contactEndpoints.get by E.164 phone number, URL-encoded",
    (client) => client.contactEndpoints.get("+4531434343"),
    "getContact-endpointsContactendpointid",
  ],
  [
    "contactEndpoints.list of one type",
    (client) => client.contactEndpoints.list({ _type: "EmailEndpoint" }),
    "getContact-endpoints",
  ],
  [
    "templates.list of one type, 25 a page",
    (client) => client.templates.list({ type: "QuickResponse", pageLimit: 25 }).toArray(),
    "getTemplates",
  ],
  [
    "teams.listPresence, 50 a page",
    (client) => client.teams.listPresence(teamId, { pageLimit: 50 }).toArray(),
    "getTeamsTeamidPresence",
  ],
  [
    "businessHours.getUpcoming for 14 days",
    (client) => client.businessHours.getUpcoming(scheduleId, { days: 14 }),
    "getBusiness-hoursSchedulesScheduleidUpcoming",
  ],
  [
    "businessHours.getStatus at a moment",
    (client) => client.businessHours.getStatus(scheduleId, { timestamp: "2025-01-08T08:31:25Z" }),
    "getBusiness-hoursSchedulesScheduleidStatus",
  ],
  [
    "anonymization.request (deprecated) of a user",
    (client) =>
      client.anonymization.request({
        entityId: "a53b25da-f676-4c52-acac-58c9280aa23d",
        _type: "User",
      }),
    "postAnonymization",
  ],
];

describe("other arguments than the spec's examples, checked by Prism", () => {
  const client = prismClient();
  it.each(otherArguments)("%s", async (_call, send, operationId) => {
    expect(await send(client)).toEqual(exampleData(operationId));
  });
});
