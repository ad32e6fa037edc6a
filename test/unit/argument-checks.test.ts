/**
 * Every argument check of every resource method, as one table: each row calls a method with a
 * bad argument and names what the error must say. The client's fetch is an in-process recorder,
 * so "refused before sending" means exactly that: not one request reached it. Async methods
 * reject (they never throw where they are called); paged lists throw at the call, before
 * anything is iterated.
 */
import { describe, expect, it } from "vitest";
import type { AnalyticsMetricDataInput, CreateWebhookInput } from "../../src/index.js";
import { recordingFetch, type Recording } from "./recording-fetch.js";

type Client = ReturnType<Recording["client"]>;

/** A method called with a bad argument, how it fails, and what its message must say. */
type Refusal = [
  name: string,
  kind: "async" | "paged",
  call: (client: Client) => unknown,
  message: RegExp,
];

/** agents: the cases of the former agents-validation.test.ts. */
function agentsRefusals(): Refusal[] {
  const agentId = "4d2ab456-8510-4a35-b266-e502160d5177";
  return [
    [
      "agents.get: a non-UUID id",
      "async",
      (c) => c.agents.get("agent-1"),
      /agentId must be a UUID string/,
    ],
    [
      "agents.get: no id",
      "async",
      (c) => c.agents.get(undefined as never),
      /agentId must be a UUID/,
    ],
    [
      "agents.create: missing email",
      "async",
      (c) => c.agents.create({ displayName: "A" } as never),
      /agent\.email must be a non-empty string/,
    ],
    [
      "agents.create: blank displayName",
      "async",
      (c) => c.agents.create({ displayName: " ", email: "a@example.org" }),
      /agent\.displayName must be a non-empty string/,
    ],
    [
      "agents.create: not an object",
      "async",
      (c) => c.agents.create(null as never),
      /agent must be an object/,
    ],
    [
      "agents.createMany: empty",
      "async",
      (c) => c.agents.createMany([]),
      /agents must be a non-empty array/,
    ],
    [
      "agents.createMany: one bad item",
      "async",
      (c) =>
        c.agents.createMany([
          { displayName: "A", email: "a@example.org" },
          { displayName: "B" } as never,
        ]),
      /agents\[1\]\.email must be a non-empty string/,
    ],
    [
      "agents.createMany: zero chunk size",
      "async",
      (c) => c.agents.createMany([{ displayName: "A", email: "a@x.org" }], { chunkSize: 0 }),
      /chunkSize must be a positive integer/,
    ],
    [
      "agents.update: bad id",
      "async",
      (c) => c.agents.update("nope", { displayName: "A" }),
      /agentId must be a UUID string/,
    ],
    [
      "agents.update: missing displayName",
      "async",
      (c) => c.agents.update(agentId, {} as never),
      /agent\.displayName must be a non-empty string/,
    ],
    [
      "agents.updateMany: not an array",
      "async",
      (c) => c.agents.updateMany({} as never),
      /agents must be a non-empty array/,
    ],
    [
      "agents.updateMany: item without id",
      "async",
      (c) =>
        c.agents.updateMany([{ id: agentId, displayName: "A" }, { displayName: "B" } as never]),
      /agents\[1\]\.id must be a non-empty string/,
    ],
    [
      "agents.updateMany: item without displayName",
      "async",
      (c) => c.agents.updateMany([{ id: agentId } as never]),
      /agents\[0\]\.displayName must be a non-empty string/,
    ],
    [
      "agents.patch: bad id",
      "async",
      (c) => c.agents.patch("", {}),
      /agentId must be a UUID string/,
    ],
    [
      "agents.patch: not an object",
      "async",
      (c) => c.agents.patch(agentId, [] as never),
      /patch must be an object/,
    ],
    [
      "agents.patchMany: empty",
      "async",
      (c) => c.agents.patchMany([]),
      /patches must be a non-empty array/,
    ],
    [
      "agents.patchMany: item without id",
      "async",
      (c) => c.agents.patchMany([{ displayName: "B" } as never]),
      /patches\[0\]\.id must be a non-empty string/,
    ],
    [
      "agents.delete: bad id",
      "async",
      (c) => c.agents.delete("123"),
      /agentId must be a UUID string/,
    ],
    [
      "agents.listTeams: bad id",
      "async",
      (c) => c.agents.listTeams("x"),
      /agentId must be a UUID string/,
    ],
    [
      "agents.getPresence: bad id",
      "async",
      (c) => c.agents.getPresence(42 as never),
      /agentId must be a UUID/,
    ],
    [
      "agents.setWorkingChannel: bad id",
      "async",
      (c) => c.agents.setWorkingChannel("x", { channel: "Speak", working: true }),
      /agentId must be a UUID string/,
    ],
    [
      "agents.setWorkingChannel: missing channel",
      "async",
      (c) => c.agents.setWorkingChannel(agentId, { working: true } as never),
      /input\.channel must be a non-empty string/,
    ],
    [
      "agents.setWorkingChannel: working as a string",
      "async",
      (c) => c.agents.setWorkingChannel(agentId, { channel: "Speak", working: "yes" as never }),
      /input\.working must be a boolean, got "yes" \(a string\)/,
    ],
  ];
}

/** analytics: the cases of the former analytics-validation.test.ts. */
function analyticsRefusals(): Refusal[] {
  const valid: AnalyticsMetricDataInput = {
    id: "closed_conversations",
    csidFilter: [42],
    timezone: "Europe/Copenhagen",
  };
  const bad = (patch: Record<string, unknown>) => ({ ...valid, ...patch }) as never;
  return [
    [
      "analytics.listMetrics: a query that is not an object",
      "paged",
      (c) => c.analytics.listMetrics(null as never),
      /query must be an object/,
    ],
    [
      "analytics.getMetric: an empty metric id",
      "async",
      (c) => c.analytics.getMetric(" "),
      /metricId must be a non-empty string/,
    ],
    [
      "analytics.getMetric: a numeric metric id",
      "async",
      (c) => c.analytics.getMetric(7 as never),
      /metricId must be a non-empty string, got the number 7/,
    ],
    [
      "analytics.getMetricData: no body",
      "async",
      (c) => c.analytics.getMetricData(undefined as never),
      /input must be an object/,
    ],
    [
      "analytics.getMetricData: no metric id",
      "async",
      (c) => c.analytics.getMetricData(bad({ id: undefined })),
      /input\.id must be a non-empty string/,
    ],
    [
      "analytics.getMetricData: no timezone",
      "async",
      (c) => c.analytics.getMetricData(bad({ timezone: "" })),
      /input\.timezone must be a non-empty string/,
    ],
    [
      "analytics.getMetricData: an empty csidFilter",
      "async",
      (c) => c.analytics.getMetricData(bad({ csidFilter: [] })),
      /input\.csidFilter must be a non-empty array/,
    ],
    [
      "analytics.getMetricData: a bad conversation id in csidFilter",
      "async",
      (c) => c.analytics.getMetricData(bad({ csidFilter: [1, "2"] })),
      /input\.csidFilter\[1\] must be a positive safe integer/,
    ],
    [
      "analytics.getMetricData: a period that is neither preset nor interval",
      "async",
      (c) => c.analytics.getMetricData(bad({ csidFilter: undefined, periodFilter: {} })),
      /input\.periodFilter must be a preset \(\{ value \}\) or an interval/,
    ],
    [
      "analytics.getMetricData: an interval without end",
      "async",
      (c) => c.analytics.getMetricData(bad({ periodFilter: { start: "2024-01-01T00:00:00Z" } })),
      /input\.periodFilter\.end must be a non-empty string/,
    ],
    [
      "analytics.getMetricData: a filter without attribute",
      "async",
      (c) =>
        c.analytics.getMetricData(
          bad({ filters: [{ attribute: "channel" }, { values: ["email"] }] }),
        ),
      /input\.filters\[1\]\.attribute must be a non-empty string/,
    ],
    [
      "analytics.getMetricData: aggregations that are not an array",
      "async",
      (c) => c.analytics.getMetricData(bad({ aggregations: "Count" })),
      /input\.aggregations must be an array/,
    ],
    [
      "analytics.listFilterValues: an empty filter attribute",
      "paged",
      (c) => c.analytics.listFilterValues(""),
      /filterAttribute must be a non-empty string/,
    ],
    [
      "analytics.listRecords: a query that is not an object",
      "paged",
      (c) => c.analytics.listRecords("x" as never),
      /query must be an object/,
    ],
    [
      "analytics.listRecords: a zero pageLimit",
      "paged",
      (c) => c.analytics.listRecords({ pageLimit: 0 }),
      /query\.pageLimit must be a positive integer/,
    ],
    [
      "analytics.getRecord: an empty record id",
      "async",
      (c) => c.analytics.getRecord(""),
      /recordId must be a non-empty string/,
    ],
    [
      "analytics.listRecordData: no record id",
      "paged",
      (c) => c.analytics.listRecordData(bad({ id: 3 })),
      /input\.id must be a non-empty string, got the number 3/,
    ],
    [
      "analytics.listRecordData: no timezone",
      "paged",
      (c) => c.analytics.listRecordData(bad({ timezone: undefined })),
      /input\.timezone must be a non-empty string/,
    ],
    [
      "analytics.listRecordData: a preset without a name",
      "paged",
      (c) => c.analytics.listRecordData(bad({ periodFilter: { value: "" } })),
      /input\.periodFilter\.value must be a non-empty string/,
    ],
  ];
}

/** anonymization: the cases of the former anonymization-validation.test.ts. */
function anonymizationRefusals(): Refusal[] {
  return [
    [
      "anonymization.getRequest: a request id that is not a UUID",
      "async",
      (c) => c.anonymization.getRequest("4711"),
      /requestId must be a UUID string/,
    ],
    [
      "anonymization.getRequest: no request id",
      "async",
      (c) => c.anonymization.getRequest(undefined as never),
      /requestId must be a UUID string, got undefined/,
    ],
    [
      "anonymization.request: no body",
      "async",
      (c) => c.anonymization.request(null as never),
      /entity must be an object, got null/,
    ],
    [
      "anonymization.request: no entityId",
      "async",
      (c) => c.anonymization.request({ _type: "User" } as never),
      /entity\.entityId must be a non-empty string/,
    ],
    [
      "anonymization.request: a _type that is not a string",
      "async",
      (c) => c.anonymization.request({ entityId: "a", _type: 1 as never }),
      /entity\._type must be a string/,
    ],
    [
      "anonymization.request: forceAnonymization that is not a boolean",
      "async",
      (c) => c.anonymization.request({ entityId: "a", forceAnonymization: "true" as never }),
      /entity\.forceAnonymization must be a boolean/,
    ],
  ];
}

/** businessHours: the cases of the former business-hours-validation.test.ts. */
function businessHoursRefusals(): Refusal[] {
  const scheduleId = "a0d559bf-cdf8-4088-841d-f3807b93272e";
  return [
    [
      "businessHours.getScheduleDefinition: a non-UUID id",
      "async",
      (c) => c.businessHours.getScheduleDefinition("schedule-1"),
      /scheduleId must be a UUID string, got "schedule-1" \(a string\); pass 32 hexadecimal digits/,
    ],
    [
      "businessHours.getUpcoming: a non-UUID id",
      "async",
      (c) => c.businessHours.getUpcoming("", { days: 7 }),
      /scheduleId must be a UUID string, got an empty string/,
    ],
    [
      "businessHours.getUpcoming: days 0",
      "async",
      (c) => c.businessHours.getUpcoming(scheduleId, { days: 0 }),
      /query\.days must be an integer from 1 to 90, got the number 0/,
    ],
    [
      "businessHours.getUpcoming: days 91",
      "async",
      (c) => c.businessHours.getUpcoming(scheduleId, { days: 91 }),
      /query\.days must be an integer from 1 to 90/,
    ],
    [
      "businessHours.getUpcoming: fractional days",
      "async",
      (c) => c.businessHours.getUpcoming(scheduleId, { days: 1.5 }),
      /query\.days must be an integer/,
    ],
    [
      "businessHours.getUpcoming: a query that is not an object",
      "async",
      (c) => c.businessHours.getUpcoming(scheduleId, 7 as never),
      /query must be an object/,
    ],
    [
      "businessHours.getStatus: an empty id",
      "async",
      (c) => c.businessHours.getStatus("  "),
      /scheduleId must be a non-empty string/,
    ],
    [
      "businessHours.getStatus: an empty timestamp",
      "async",
      (c) => c.businessHours.getStatus(scheduleId, { timestamp: "" }),
      /query\.timestamp must be an ISO 8601 date-time string/,
    ],
  ];
}

/** contactEndpoints: the cases of the former contact-endpoints-validation.test.ts. */
function contactEndpointsRefusals(): Refusal[] {
  return [
    [
      "contactEndpoints.get: an empty id",
      "async",
      (c) => c.contactEndpoints.get(" "),
      /contactEndpointId must be a non-empty string, got a string of only spaces/,
    ],
    [
      "contactEndpoints.get: a number id",
      "async",
      (c) => c.contactEndpoints.get(4531434343 as never),
      /contactEndpointId must be a non-empty string, got the number/,
    ],
    [
      "contactEndpoints.list: a query that is not an object",
      "async",
      (c) => c.contactEndpoints.list("EmailEndpoint" as never),
      /query must be an object/,
    ],
    [
      "contactEndpoints.list: a _type that is not a string",
      "async",
      (c) => c.contactEndpoints.list({ _type: 1 as never }),
      /query\._type must be a string/,
    ],
  ];
}

/** conversations: the cases of the former conversations-validation.test.ts. */
function conversationsRefusals(): Refusal[] {
  const uuid = "5a556159-9c21-4f3e-a44f-d323deb80d16";
  const attributeId = "2f5515b6-7e98-4f4d-9010-bfd2a27d4f35";
  const email = {
    requesterId: uuid,
    emailIntegrationId: "my-integration@email.dixa.io",
    subject: "order #123",
    message: { content: { value: "My order hasn't shipped", _type: "Text" }, _type: "Inbound" },
    _type: "Email",
  };
  const importBody = {
    genericChannelName: "genericapimessaging",
    requesterId: uuid,
    direction: "Inbound",
    createdAt: "2021-12-01T11:00:00.001Z",
  };
  return [
    [
      "conversations.get with a string id",
      "async",
      (c) => c.conversations.get("4711" as never),
      /conversationId must be a positive safe integer.*got "4711" \(a string\); pass a number/,
    ],
    [
      "conversations.get with a fractional id",
      "async",
      (c) => c.conversations.get(1.5),
      /conversationId must be/,
    ],
    [
      "conversations.get with an unsafe id",
      "async",
      (c) => c.conversations.get(2 ** 53),
      /conversationId must be/,
    ],
    [
      "conversations.create without a body",
      "async",
      (c) => c.conversations.create(null as never),
      /conversation must be/,
    ],
    [
      "conversations.create with a bad requesterId",
      "async",
      (c) => c.conversations.create({ ...email, requesterId: "x" }),
      /conversation\.requesterId must be a UUID string/,
    ],
    [
      "conversations.create an Email without a subject",
      "async",
      (c) => c.conversations.create({ ...email, subject: undefined } as never),
      /conversation\.subject must be a non-empty string, got undefined/,
    ],
    [
      "conversations.create an untagged body that fits no kind",
      "async",
      (c) => c.conversations.create({ requesterId: uuid, widgetId: uuid } as never),
      /conversation\.message is required \(a Chat conversation needs widgetId, message;/,
    ],
    [
      "conversations.create a Callback without its queue",
      "async",
      (c) =>
        c.conversations.create({
          requesterId: uuid,
          direction: "Outbound",
          contactEndpointId: "+4511111111",
          _type: "Callback",
        } as never),
      /conversation\.queueId must be a UUID string, got undefined/,
    ],
    [
      "conversations.create with an inbound first message without content",
      "async",
      (c) => c.conversations.create({ ...email, message: { _type: "Inbound" } } as never),
      /conversation\.message\.content is required for an inbound message/,
    ],
    [
      "conversations.create with an outbound first message without agentId",
      "async",
      (c) =>
        c.conversations.create({
          ...email,
          message: { content: { value: "hi" }, _type: "Outbound" },
        } as never),
      /conversation\.message\.agentId must be a UUID string, got undefined/,
    ],
    [
      "conversations.import without genericChannelName",
      "async",
      (c) => c.conversations.import({ ...importBody, genericChannelName: "" }),
      /conversation\.genericChannelName must be a non-empty string/,
    ],
    [
      "conversations.import with a createdAt that is no date-time",
      "async",
      (c) => c.conversations.import({ ...importBody, createdAt: "yesterday" }),
      /conversation\.createdAt must be an ISO 8601 date-time string/,
    ],
    [
      "conversations.import with a message without content",
      "async",
      (c) =>
        c.conversations.import({
          ...importBody,
          messages: [
            { content: { value: "hi" }, createdAt: "2021-12-01T13:00:00Z" },
            { createdAt: "2021-12-01T13:00:00Z" } as never,
          ],
        }),
      /conversation\.messages\[1\]\.content must be an object, got undefined/,
    ],
    [
      "conversations.import with an outbound message without agentId",
      "async",
      (c) =>
        c.conversations.import({
          ...importBody,
          messages: [
            {
              content: { value: "hi" },
              createdAt: "2021-12-01T13:00:00Z",
              _type: "OutboundImport",
            } as never,
          ],
        }),
      /conversation\.messages\[0\]\.agentId must be a UUID string/,
    ],
    [
      "conversations.close with a bad id",
      "async",
      (c) => c.conversations.close(0),
      /conversationId must be/,
    ],
    [
      "conversations.close on behalf of a non-UUID user",
      "async",
      (c) => c.conversations.close(1, { userId: "agent-7" }),
      /input\.userId must be a UUID string/,
    ],
    [
      "conversations.reopen with a bad id",
      "async",
      (c) => c.conversations.reopen(-3),
      /conversationId must be/,
    ],
    [
      "conversations.reopen with a body that is not an object",
      "async",
      (c) => c.conversations.reopen(1, "x" as never),
      /input must be an object/,
    ],
    [
      "conversations.followUp with a bad id",
      "async",
      (c) => c.conversations.followUp(NaN, { timestamp: "2025-01-08T08:31:25Z" }),
      /conversationId must be a positive safe integer.*got NaN/,
    ],
    [
      "conversations.followUp without a timestamp",
      "async",
      (c) => c.conversations.followUp(1, {} as never),
      /followUp\.timestamp must be an ISO 8601 date-time string, got undefined/,
    ],
    [
      "conversations.followUp with a Date instead of a string",
      "async",
      (c) => c.conversations.followUp(1, { timestamp: new Date() as never }),
      /followUp\.timestamp must be an ISO 8601 date-time string, got a Date; pass date\.toISOString\(\)/,
    ],
    [
      "conversations.transferToQueue with a bad id",
      "async",
      (c) => c.conversations.transferToQueue("1" as never, { queueId: uuid }),
      /conversationId must be/,
    ],
    [
      "conversations.transferToQueue without a queue",
      "async",
      (c) => c.conversations.transferToQueue(1, { userId: uuid } as never),
      /transfer\.queueId must be a UUID string, got undefined/,
    ],
    [
      "conversations.claim with a bad id",
      "async",
      (c) => c.conversations.claim(1.1, { agentId: uuid }),
      /conversationId must be/,
    ],
    [
      "conversations.claim without an agent",
      "async",
      (c) => c.conversations.claim(1, { force: true } as never),
      /claim\.agentId must be a UUID string, got undefined/,
    ],
    [
      "conversations.claim with a string force",
      "async",
      (c) => c.conversations.claim(1, { agentId: uuid, force: "false" as never }),
      /claim\.force must be a boolean/,
    ],
    [
      "conversations.link with a bad id",
      "async",
      (c) => c.conversations.link(0, { parentId: 2, linkType: "SideConversation" }),
      /conversationId must be/,
    ],
    [
      "conversations.link with a string parent id",
      "async",
      (c) => c.conversations.link(1, { parentId: "2" as never, linkType: "SideConversation" }),
      /link\.parentId must be an integer/,
    ],
    [
      "conversations.link without a link type",
      "async",
      (c) => c.conversations.link(1, { parentId: 2 } as never),
      /link\.linkType must be a non-empty string, got undefined/,
    ],
    [
      "conversations.listLinked with a bad id",
      "async",
      (c) => c.conversations.listLinked(-1),
      /conversationId must be/,
    ],
    [
      "conversations.getActivityLog with a bad id",
      "async",
      (c) => c.conversations.getActivityLog(null as never),
      /conversationId must be.*got null/,
    ],
    [
      "conversations.updateCustomAttributes with a bad id",
      "async",
      (c) => c.conversations.updateCustomAttributes(0, { [attributeId]: "x" }),
      /conversationId must be/,
    ],
    [
      "conversations.updateCustomAttributes with an array of numbers",
      "async",
      (c) => c.conversations.updateCustomAttributes(1, { [attributeId]: [1, 2] as never }),
      /attributes\["2f5515b6-7e98-4f4d-9010-bfd2a27d4f35"\] must be a string or an array of strings, got an array of 2/,
    ],
    [
      "conversations.updateCustomAttributes with nothing to set",
      "async",
      (c) => c.conversations.updateCustomAttributes(1, {}),
      /attributes must set at least one custom attribute/,
    ],
    [
      "conversations.listOrganizationActivityLog with a bad fromDatetime",
      "paged",
      (c) => c.conversations.listOrganizationActivityLog({ fromDatetime: "last week" }),
      /query\.fromDatetime must be an ISO 8601 date-time string/,
    ],
    [
      "conversations.listOrganizationActivityLog with a bad toDatetime",
      "paged",
      (c) => c.conversations.listOrganizationActivityLog({ toDatetime: "" }),
      /query\.toDatetime must be an ISO 8601 date-time string, got an empty string/,
    ],
    [
      "conversations.listFlows with a channel that is not a string",
      "async",
      (c) => c.conversations.listFlows({ channel: 1 as never }),
      /query\.channel must be a string/,
    ],
    [
      "conversations.anonymize with a bad id",
      "async",
      (c) => c.conversations.anonymize(0),
      /conversationId must be/,
    ],
    [
      "conversations.anonymize with a number force",
      "async",
      (c) => c.conversations.anonymize(1, { force: 1 as never }),
      /query\.force must be a boolean, got the number 1/,
    ],
  ];
}

/** customAttributes: the cases of the former custom-attributes-validation.test.ts. */
function customAttributesRefusals(): Refusal[] {
  return [
    [
      "customAttributes.get: an empty id",
      "async",
      (c) => c.customAttributes.get(""),
      /customAttributeId must be a non-empty string, got an empty string/,
    ],
    [
      "customAttributes.get: a missing id",
      "async",
      (c) => c.customAttributes.get(undefined as never),
      /customAttributeId must be a non-empty string, got undefined/,
    ],
  ];
}

/** endUsers: the cases of the former end-users-validation.test.ts. */
function endUsersRefusals(): Refusal[] {
  const userId = "434ce9f5-14c8-4be1-a0a8-f755010deb9b";
  const otherId = "8fe8f4c3-7bc6-4767-924a-d9afa7ac7009";
  return [
    [
      "endUsers.list with two exclusive filters",
      "paged",
      (c) => c.endUsers.list({ email: "a@example.org", phone: "+4511111111" }),
      /query may set only one of email, phone, externalId; got email and phone/,
    ],
    [
      "endUsers.list with a query that is not an object",
      "paged",
      (c) => c.endUsers.list(null as never),
      /query/,
    ],
    [
      "endUsers.get with a non-UUID id",
      "async",
      (c) => c.endUsers.get("42"),
      /userId must be a UUID string/,
    ],
    [
      "endUsers.get with a number id",
      "async",
      (c) => c.endUsers.get(42 as never),
      /userId must be a UUID/,
    ],
    [
      "endUsers.create without a body",
      "async",
      (c) => c.endUsers.create(undefined as never),
      /endUser must be/,
    ],
    [
      "endUsers.create with an array",
      "async",
      (c) => c.endUsers.create([] as never),
      /endUser must be an object/,
    ],
    [
      "endUsers.createMany with none",
      "async",
      (c) => c.endUsers.createMany([]),
      /endUsers must be a non-empty/,
    ],
    [
      "endUsers.createMany with one item that is not an object",
      "async",
      (c) => c.endUsers.createMany([{ displayName: "a" }, "b" as never]),
      /endUsers\[1\] must be an object/,
    ],
    [
      "endUsers.createMany with a zero chunk size",
      "async",
      (c) => c.endUsers.createMany([{ displayName: "a" }], { chunkSize: 0 }),
      /chunkSize must be a positive integer/,
    ],
    [
      "endUsers.update with a bad id",
      "async",
      (c) => c.endUsers.update("not-a-uuid", { displayName: "A" }),
      /userId must be a UUID/,
    ],
    [
      "endUsers.update without the required displayName",
      "async",
      (c) => c.endUsers.update(userId, { email: "a@example.org" } as never),
      /endUser\.displayName must be a non-empty string, got undefined/,
    ],
    [
      "endUsers.updateMany with a bad id in one item",
      "async",
      (c) =>
        c.endUsers.updateMany([
          { id: userId, displayName: "A" },
          { id: "nope", displayName: "B" },
        ]),
      /endUsers\[1\]\.id must be a UUID string/,
    ],
    [
      "endUsers.updateMany with an item missing displayName",
      "async",
      (c) => c.endUsers.updateMany([{ id: userId } as never]),
      /endUsers\[0\]\.displayName must be a non-empty string/,
    ],
    [
      "endUsers.updateMany with none",
      "async",
      (c) => c.endUsers.updateMany([]),
      /endUsers must be a non-empty/,
    ],
    [
      "endUsers.patch with a bad id",
      "async",
      (c) => c.endUsers.patch("", {}),
      /userId must be a UUID string/,
    ],
    [
      "endUsers.patch with a string body",
      "async",
      (c) => c.endUsers.patch(userId, "x" as never),
      /patch must be/,
    ],
    [
      "endUsers.patchMany with an item missing its id",
      "async",
      (c) => c.endUsers.patchMany([{ id: userId }, { displayName: "B" } as never]),
      /patches\[1\]\.id must be a UUID string, got undefined/,
    ],
    [
      "endUsers.patchMany with none",
      "async",
      (c) => c.endUsers.patchMany([]),
      /patches must be a non-empty/,
    ],
    [
      "endUsers.anonymize with a bad id",
      "async",
      (c) => c.endUsers.anonymize("x"),
      /userId must be a UUID/,
    ],
    [
      "endUsers.anonymize with a string force",
      "async",
      (c) => c.endUsers.anonymize(userId, { force: "yes" as never }),
      /query\.force must be a boolean/,
    ],
    [
      "endUsers.updateCustomAttributes with a bad id",
      "async",
      (c) => c.endUsers.updateCustomAttributes("x", { [otherId]: "v" }),
      /userId must be a UUID/,
    ],
    [
      "endUsers.updateCustomAttributes with nothing to set",
      "async",
      (c) => c.endUsers.updateCustomAttributes(userId, {}),
      /attributes must set at least one custom attribute/,
    ],
    [
      "endUsers.updateCustomAttributes keyed by a name, not an id",
      "async",
      (c) => c.endUsers.updateCustomAttributes(userId, { [otherId]: "v", my_attribute: "v" }),
      /attributes key #1 must be a UUID string/,
    ],
    [
      "endUsers.updateCustomAttributes with a number value",
      "async",
      (c) => c.endUsers.updateCustomAttributes(userId, { [otherId]: 5 as never }),
      /attributes\["8fe8f4c3-7bc6-4767-924a-d9afa7ac7009"\] must be a string or an array of strings/,
    ],
    [
      "endUsers.listConversations with a bad id",
      "paged",
      (c) => c.endUsers.listConversations("x"),
      /userId must be a UUID string/,
    ],
  ];
}

/** knowledge: the cases of the former knowledge-validation.test.ts. */
function knowledgeRefusals(): Refusal[] {
  const articleId = "123e4567-e89b-12d3-a456-426614174000";
  const otherId = "78dfb531-2e1e-4ffc-bd18-fdad68cd2419";
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  return [
    [
      "knowledge.listCollections: a zero pageLimit",
      "paged",
      (c) => c.knowledge.listCollections({ pageLimit: 0 }),
      /query\.pageLimit must be a positive integer, got the number 0/,
    ],
    [
      "knowledge.getCollection: a non-UUID id",
      "async",
      (c) => c.knowledge.getCollection("faq"),
      /collectionId must be a UUID string, got "faq" \(a string\)/,
    ],
    [
      "knowledge.getCollectionCatalog: a non-UUID id",
      "async",
      (c) => c.knowledge.getCollectionCatalog(42 as never),
      /collectionId must be a UUID string, got the number 42/,
    ],
    [
      "knowledge.getCollectionCatalog: a language that is not a string",
      "async",
      (c) => c.knowledge.getCollectionCatalog(otherId, { language: [] as never }),
      /query\.language must be a string/,
    ],
    [
      "knowledge.getCategory: a non-UUID id",
      "async",
      (c) => c.knowledge.getCategory(""),
      /categoryId must be a UUID string, got an empty string/,
    ],
    [
      "knowledge.getCategory: a query that is not an object",
      "async",
      (c) => c.knowledge.getCategory(otherId, "en" as never),
      /query must be an object/,
    ],
    [
      "knowledge.listCategoryTranslations: a non-UUID id",
      "async",
      (c) => c.knowledge.listCategoryTranslations("x"),
      /categoryId must be a UUID string/,
    ],
    [
      "knowledge.getArticle: a non-UUID id",
      "async",
      (c) => c.knowledge.getArticle("article-1"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.getArticle: a language that is not a string",
      "async",
      (c) => c.knowledge.getArticle(articleId, { language: 1 as never }),
      /query\.language must be a string, got the number 1/,
    ],
    [
      "knowledge.createArticle: not an object",
      "async",
      (c) => c.knowledge.createArticle(null as never),
      /article must be an object, got null/,
    ],
    [
      "knowledge.createArticle: translations not an array",
      "async",
      (c) => c.knowledge.createArticle({ translations: {} as never }),
      /article\.translations must be an array, got an object/,
    ],
    [
      "knowledge.createArticle: a translation without title",
      "async",
      (c) =>
        c.knowledge.createArticle({
          translations: [{ languageId: "en", title: "A" }, { languageId: "da" } as never],
        }),
      /article\.translations\[1\]\.title must be a non-empty string, got undefined/,
    ],
    [
      "knowledge.createArticle: a translation without languageId",
      "async",
      (c) => c.knowledge.createArticle({ translations: [{ title: "A" } as never] }),
      /article\.translations\[0\]\.languageId must be a non-empty string/,
    ],
    [
      "knowledge.createArticle: content that is not a string",
      "async",
      (c) =>
        c.knowledge.createArticle({
          translations: [{ languageId: "en", title: "A", content: 5 as never }],
        }),
      /article\.translations\[0\]\.content must be a string, got the number 5/,
    ],
    [
      "knowledge.createArticle: an empty tag id",
      "async",
      (c) => c.knowledge.createArticle({ tags: ["t1", ""] }),
      /article\.tags\[1\] must be a non-empty string/,
    ],
    [
      "knowledge.createArticle: a parentId that is not a string",
      "async",
      (c) => c.knowledge.createArticle({ parentId: 7 as never }),
      /article\.parentId must be a string/,
    ],
    [
      "knowledge.updateArticle: a non-UUID id",
      "async",
      (c) => c.knowledge.updateArticle("1", { preRelease: true }),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.updateArticle: changes not an object",
      "async",
      (c) => c.knowledge.updateArticle(articleId, [] as never),
      /changes must be an object, got an array of 0/,
    ],
    [
      "knowledge.updateArticle: tags.add not an array",
      "async",
      (c) => c.knowledge.updateArticle(articleId, { tags: { add: "t1" as never } }),
      /changes\.tags\.add must be an array/,
    ],
    [
      "knowledge.updateArticle: an ownedBy that is not a string",
      "async",
      (c) => c.knowledge.updateArticle(articleId, { ownedBy: null as never }),
      /changes\.ownedBy must be a string/,
    ],
    [
      "knowledge.deleteArticle: a non-UUID id",
      "async",
      (c) => c.knowledge.deleteArticle("nope"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.listArticleTranslations: a non-UUID id",
      "async",
      (c) => c.knowledge.listArticleTranslations("nope"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.updateArticleTranslations: a non-UUID id",
      "async",
      (c) => c.knowledge.updateArticleTranslations("nope", { translations: [] }),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.updateArticleTranslations: a translation without languageId",
      "async",
      (c) =>
        c.knowledge.updateArticleTranslations(articleId, {
          translations: [{ languageId: "", title: "T" }],
        }),
      /changes\.translations\[0\]\.languageId must be a non-empty string, got an empty string/,
    ],
    [
      "knowledge.publishArticle: a non-UUID id",
      "async",
      (c) => c.knowledge.publishArticle("nope"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.unpublishArticle: a non-UUID id",
      "async",
      (c) => c.knowledge.unpublishArticle(undefined as never),
      /articleId must be a UUID string, got undefined/,
    ],
    [
      "knowledge.publishTranslation: a non-UUID article id",
      "async",
      (c) => c.knowledge.publishTranslation("nope", "en"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.publishTranslation: an empty language",
      "async",
      (c) => c.knowledge.publishTranslation(articleId, ""),
      /languageId must be a non-empty string/,
    ],
    [
      "knowledge.unpublishTranslation: an empty language",
      "async",
      (c) => c.knowledge.unpublishTranslation(articleId, " "),
      /languageId must be a non-empty string/,
    ],
    [
      "knowledge.unpublishTranslation: a non-UUID article id",
      "async",
      (c) => c.knowledge.unpublishTranslation("x", "en"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.deleteTranslation: a non-UUID article id",
      "async",
      (c) => c.knowledge.deleteTranslation("x", "en"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.deleteTranslation: a missing language",
      "async",
      (c) => c.knowledge.deleteTranslation(articleId, undefined as never),
      /languageId must be a non-empty string, got undefined/,
    ],
    [
      "knowledge.moveArticle: a non-UUID article id",
      "async",
      (c) => c.knowledge.moveArticle("x", otherId),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.moveArticle: a non-UUID parent id",
      "async",
      (c) => c.knowledge.moveArticle(articleId, "root"),
      /parentId must be a UUID string, got "root" \(a string\)/,
    ],
    [
      "knowledge.removeArticleParent: a non-UUID id",
      "async",
      (c) => c.knowledge.removeArticleParent("x"),
      /articleId must be a UUID string/,
    ],
    [
      "knowledge.uploadAttachments: no files",
      "async",
      (c) => c.knowledge.uploadAttachments([]),
      /files must be a non-empty array, got an array of 0/,
    ],
    [
      "knowledge.uploadAttachments: not an array",
      "async",
      (c) => c.knowledge.uploadAttachments(new File([png], "a.png") as never),
      /files must be a non-empty array, got a File/,
    ],
    [
      "knowledge.uploadAttachments: a Blob without a name",
      "async",
      (c) => c.knowledge.uploadAttachments([new Blob([png]) as never]),
      /files\[0\] is a Blob without a file name: pass a File or \{ name, data \}/,
    ],
    [
      "knowledge.uploadAttachments: a File with an empty name",
      "async",
      (c) => c.knowledge.uploadAttachments([new File([png], "")]),
      /files\[0\]\.name must be a non-empty string, got an empty string/,
    ],
    [
      "knowledge.uploadAttachments: no name",
      "async",
      (c) => c.knowledge.uploadAttachments([{ name: "a.png", data: png }, { data: png } as never]),
      /files\[1\]\.name must be a non-empty string, got undefined/,
    ],
    [
      "knowledge.uploadAttachments: data that is a string",
      "async",
      (c) => c.knowledge.uploadAttachments([{ name: "a.png", data: "iVBORw0KGgo=" as never }]),
      /files\[0\]\.data must be a Blob, a Uint8Array \(a Node Buffer is one\) or an ArrayBuffer, got "iVBORw0KGgo=" \(a string\)/,
    ],
    [
      "knowledge.uploadAttachments: an empty file",
      "async",
      (c) => c.knowledge.uploadAttachments([{ name: "a.png", data: new Uint8Array() }]),
      /files\[0\] is empty \(0 bytes\)/,
    ],
    [
      "knowledge.uploadAttachments: a type that is not a string",
      "async",
      (c) => c.knowledge.uploadAttachments([{ name: "a.png", data: png, type: 1 as never }]),
      /files\[0\]\.type must be a string, got the number 1/,
    ],
    [
      "knowledge.uploadAttachments: a file that is null",
      "async",
      (c) => c.knowledge.uploadAttachments([null as never]),
      /files\[0\] must be an object, got null/,
    ],
  ];
}

/** messages: the cases of the former messages-validation.test.ts. */
function messagesRefusals(): Refusal[] {
  const messageId = "1b9adc49-62f7-4056-a9c0-c18c1f25afdb";
  return [
    [
      "messages.list with a string id",
      "async",
      (c) => c.messages.list("4711" as never),
      /conversationId must be a positive safe integer.*got "4711" \(a string\); pass a number/,
    ],
    ["messages.list with a zero id", "async", (c) => c.messages.list(0), /conversationId must be/],
    [
      "messages.create with a bad conversation id",
      "async",
      (c) => c.messages.create(-5, { content: { value: "hi" } }),
      /conversationId must be/,
    ],
    [
      "messages.create without a message",
      "async",
      (c) => c.messages.create(1, undefined as never),
      /message must/,
    ],
    [
      "messages.create an inbound message without content",
      "async",
      (c) => c.messages.create(1, { attachments: [] } as never),
      /message\.content is required for an inbound message \(an outbound one names its agentId\)/,
    ],
    [
      "messages.create an outbound message with a bad agentId",
      "async",
      (c) => c.messages.create(1, { agentId: "agent-7", content: { value: "hi" } }),
      /message\.agentId must be a UUID string/,
    ],
    [
      "messages.create a message tagged Outbound without agentId",
      "async",
      (c) => c.messages.create(1, { content: { value: "hi" }, _type: "Outbound" } as never),
      /message\.agentId must be a UUID string, got undefined/,
    ],
    [
      "messages.create with an unknown _type",
      "async",
      (c) => c.messages.create(1, { content: { value: "hi" }, _type: "Note" }),
      /message\._type must be "Inbound" or "Outbound"/,
    ],
    [
      "messages.create with content that is a plain string",
      "async",
      (c) => c.messages.create(1, { content: "hi" as never }),
      /message\.content must be an object, got a string/,
    ],
    [
      "messages.create with content without a value",
      "async",
      (c) => c.messages.create(1, { content: { _type: "Text" } as never }),
      /message\.content\.value must be a string, got undefined/,
    ],
    [
      "messages.anonymize with a bad conversation id",
      "async",
      (c) => c.messages.anonymize(1.5, messageId),
      /conversationId must be/,
    ],
    [
      "messages.anonymize with a bad message id",
      "async",
      (c) => c.messages.anonymize(1, "42"),
      /messageId must be a UUID string/,
    ],
  ];
}

/** queues: the cases of the former queues-validation.test.ts. */
function queuesRefusals(): Refusal[] {
  const queueId = "0bf82493-ae46-4c49-aa29-0422136269be";
  const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const queueRequest = {
    name: "Main",
    callFunctionality: false,
    isDefault: true,
    isDoNotOfferEnabled: false,
  };
  return [
    [
      "queues.get: a non-UUID id",
      "async",
      (c) => c.queues.get("main-queue"),
      /queueId must be a UUID string/,
    ],
    [
      "queues.listMembers: bad id",
      "async",
      (c) => c.queues.listMembers("1"),
      /queueId must be a UUID string/,
    ],
    [
      "queues.getAvailability: bad id",
      "async",
      (c) => c.queues.getAvailability(null as never),
      /queueId must be a UUID string, got null/,
    ],
    [
      "queues.getConversationPosition: a string csid",
      "async",
      (c) => c.queues.getConversationPosition("4711" as never),
      /csid must be a positive safe integer/,
    ],
    [
      "queues.getConversationPosition: an unsafe csid",
      "async",
      (c) => c.queues.getConversationPosition(2 ** 53),
      /csid must be a positive safe integer/,
    ],
    [
      "queues.create: no request wrapper",
      "async",
      (c) => c.queues.create(queueRequest as never),
      /queue\.request must be an object/,
    ],
    [
      "queues.create: missing name",
      "async",
      (c) => c.queues.create({ request: { ...queueRequest, name: undefined as never } }),
      /queue\.request\.name must be a non-empty string/,
    ],
    [
      "queues.create: isDefault as a string",
      "async",
      (c) => c.queues.create({ request: { ...queueRequest, isDefault: "true" as never } }),
      /queue\.request\.isDefault must be a boolean/,
    ],
    [
      "queues.create: missing callFunctionality",
      "async",
      (c) =>
        c.queues.create({ request: { ...queueRequest, callFunctionality: undefined as never } }),
      /queue\.request\.callFunctionality must be a boolean/,
    ],
    [
      "queues.create: missing isDoNotOfferEnabled",
      "async",
      (c) =>
        c.queues.create({ request: { ...queueRequest, isDoNotOfferEnabled: undefined as never } }),
      /queue\.request\.isDoNotOfferEnabled must be a boolean/,
    ],
    [
      "queues.addMembers: bad queue id",
      "async",
      (c) => c.queues.addMembers("x", { agentIds: [uuid(1)] }),
      /queueId must be a UUID string/,
    ],
    [
      "queues.addMembers: no agentIds",
      "async",
      (c) => c.queues.addMembers(queueId, {}),
      /members\.agentIds must be a non-empty array/,
    ],
    [
      "queues.addMembers: one bad agent id",
      "async",
      (c) => c.queues.addMembers(queueId, { agentIds: [uuid(1), "agent-2"] }),
      /members\.agentIds\[1\] must be a UUID string/,
    ],
    [
      "queues.addMembers: zero chunk size",
      "async",
      (c) => c.queues.addMembers(queueId, { agentIds: [uuid(1)] }, { chunkSize: 0 }),
      /chunkSize must be a positive integer/,
    ],
    [
      "queues.removeMembers: bad queue id",
      "async",
      (c) => c.queues.removeMembers("x", { agentIds: [uuid(1)] }),
      /queueId must be a UUID string/,
    ],
    [
      "queues.removeMembers: agentIds that are not UUIDs",
      "async",
      (c) => c.queues.removeMembers(queueId, { agentIds: ["x"] }),
      /members\.agentIds\[0\] must be a UUID string/,
    ],
    [
      "queues.removeMembers: more than the documented 10 ids",
      "async",
      (c) =>
        c.queues.removeMembers(queueId, {
          agentIds: Array.from({ length: 11 }, (_, i) => uuid(i)),
        }),
      /members\.agentIds must hold at most 10 ids per call, got an array of 11/,
    ],
  ];
}

/** ratings: the cases of the former ratings-validation.test.ts. */
function ratingsRefusals(): Refusal[] {
  const ratingId = "2f0122db-0824-44d7-b39a-e1f722b8c38c";
  const rating = { ratingResult: { value: 4, _type: "Csat" }, comment: "Great" };
  return [
    [
      "ratings.list: a string conversation id",
      "async",
      (c) => c.ratings.list("42" as never),
      /conversationId must be a positive safe integer.*got "42" \(a string\); pass a number/,
    ],
    [
      "ratings.listLegacy: a negative conversation id",
      "async",
      (c) => c.ratings.listLegacy(-1),
      /conversationId must be a positive safe integer/,
    ],
    [
      "ratings.offer: a zero conversation id",
      "async",
      (c) => c.ratings.offer(0, { ratingType: "Csat" }),
      /conversationId must be a positive safe integer/,
    ],
    [
      "ratings.offer: no body",
      "async",
      (c) => c.ratings.offer(42, null as never),
      /offer must be an object/,
    ],
    [
      "ratings.offer: no ratingType",
      "async",
      (c) => c.ratings.offer(42, { userId: "u" } as never),
      /offer\.ratingType must be a non-empty string/,
    ],
    [
      "ratings.offer: an agentId that is not a string",
      "async",
      (c) => c.ratings.offer(42, { ratingType: "Nps", agentId: 5 as never }),
      /offer\.agentId must be a string/,
    ],
    [
      "ratings.submit: an unsafe conversation id",
      "async",
      (c) => c.ratings.submit(2 ** 53, ratingId, rating),
      /conversationId must be a positive safe integer/,
    ],
    [
      "ratings.submit: an empty rating id",
      "async",
      (c) => c.ratings.submit(42, "", rating),
      /ratingId must be a non-empty string/,
    ],
    [
      "ratings.submit: no body",
      "async",
      (c) => c.ratings.submit(42, ratingId, undefined as never),
      /rating must be an object/,
    ],
    [
      "ratings.submit: no ratingResult",
      "async",
      (c) => c.ratings.submit(42, ratingId, { comment: "x" } as never),
      /rating\.ratingResult is required/,
    ],
    [
      "ratings.submit: a fractional score",
      "async",
      (c) => c.ratings.submit(42, ratingId, { ratingResult: { value: 4.5, _type: "Csat" } }),
      /rating\.ratingResult\.value must be an integer/,
    ],
    [
      "ratings.submit: a score without its kind",
      "async",
      (c) => c.ratings.submit(42, ratingId, { ratingResult: { value: 4 } } as never),
      /rating\.ratingResult\._type must be a non-empty string/,
    ],
    [
      "ratings.submit: a comment that is not a string",
      "async",
      (c) => c.ratings.submit(42, ratingId, { ...rating, comment: 5 } as never),
      /rating\.comment must be a string/,
    ],
  ];
}

/** search: the cases of the former search-validation.test.ts. */
function searchRefusals(): Refusal[] {
  const tagCondition = {
    field: {
      _type: "TagId",
      operator: { _type: "IncludesOne", values: ["177e7564-6434-4177-a25a-8530089196ad"] },
    },
  };
  const withCondition = (condition: unknown) =>
    ({ filters: { strategy: "All", conditions: [tagCondition, condition] } }) as never;
  return [
    [
      "search.conversations: a body that is not an object",
      "paged",
      (c) => c.search.conversations("order" as never),
      /search must be an object, got "order" \(a string\)/,
    ],
    [
      "search.conversations: a text query without value",
      "paged",
      (c) => c.search.conversations({ query: { exactMatch: true } } as never),
      /search\.query\.value must be a non-empty string/,
    ],
    [
      "search.conversations: exactMatch that is not a boolean",
      "paged",
      (c) => c.search.conversations({ query: { value: "x", exactMatch: "yes" as never } }),
      /search\.query\.exactMatch must be a boolean/,
    ],
    [
      "search.conversations: filters without strategy",
      "paged",
      (c) => c.search.conversations({ filters: { conditions: [] } } as never),
      /search\.filters\.strategy must be a non-empty string/,
    ],
    [
      "search.conversations: conditions that are not an array",
      "paged",
      (c) =>
        c.search.conversations({ filters: { strategy: "All", conditions: tagCondition } } as never),
      /search\.filters\.conditions must be an array/,
    ],
    [
      "search.conversations: a condition without field",
      "paged",
      (c) => c.search.conversations(withCondition({})),
      /search\.filters\.conditions\[1\]\.field is required, got undefined/,
    ],
    [
      "search.conversations: a field without its kind",
      "paged",
      (c) => c.search.conversations(withCondition({ field: { operator: { _type: "IsEmpty" } } })),
      /search\.filters\.conditions\[1\]\.field\._type must be a non-empty string/,
    ],
    [
      "search.conversations: an operator without its kind",
      "paged",
      (c) =>
        c.search.conversations(
          withCondition({ field: { _type: "QueueId", operator: { values: ["q"] } } }),
        ),
      /search\.filters\.conditions\[1\]\.field\.operator\._type must be a non-empty string/,
    ],
    [
      "search.conversations: a zero pageLimit",
      "paged",
      (c) => c.search.conversations({}, { pageLimit: 0 }),
      /query\.pageLimit must be a positive integer/,
    ],
    [
      "search.conversationsByQuery: no query text",
      "paged",
      (c) => c.search.conversationsByQuery({ query: "" }),
      /query\.query must be a non-empty string/,
    ],
    [
      "search.conversationsByQuery: no query object",
      "paged",
      (c) => c.search.conversationsByQuery(undefined as never),
      /query must be an object/,
    ],
    [
      "search.conversationsByQuery: exactMatch that is not a boolean",
      "paged",
      (c) => c.search.conversationsByQuery({ query: "x", exactMatch: 1 as never }),
      /query\.exactMatch must be a boolean/,
    ],
  ];
}

/** tags: the cases of the former tags-validation.test.ts. */
function tagsRefusals(): Refusal[] {
  const tagId = "b794a74a-625b-4303-8237-9b11668a9605";
  return [
    [
      "tags.list: includeDeactivated that is not a boolean",
      "async",
      (c) => c.tags.list({ includeDeactivated: "yes" as never }),
      /query\.includeDeactivated must be a boolean, got "yes" \(a string\)/,
    ],
    [
      "tags.list: a query that is not an object",
      "async",
      (c) => c.tags.list(null as never),
      /query must be an object/,
    ],
    [
      "tags.create: no body",
      "async",
      (c) => c.tags.create(undefined as never),
      /tag must be an object/,
    ],
    [
      "tags.create: no name",
      "async",
      (c) => c.tags.create({ color: "#000000" } as never),
      /tag\.name must be a non-empty string/,
    ],
    [
      "tags.create: a color that is not a string",
      "async",
      (c) => c.tags.create({ name: "vip", color: 0xff0000 as never }),
      /tag\.color must be a string/,
    ],
    [
      "tags.get: a tag id that is not a UUID",
      "async",
      (c) => c.tags.get("vip"),
      /tagId must be a UUID string/,
    ],
    [
      "tags.delete: a missing tag id",
      "async",
      (c) => c.tags.delete(undefined as never),
      /tagId must be a UUID string, got undefined/,
    ],
    [
      "tags.deactivate: a tag id that is not a UUID",
      "async",
      (c) => c.tags.deactivate("1234"),
      /tagId must be a UUID string/,
    ],
    [
      "tags.activate: a tag id that is not a UUID",
      "async",
      (c) => c.tags.activate(""),
      /tagId must be a UUID string, got an empty string/,
    ],
    [
      "tags.listForConversation: a string conversation id",
      "async",
      (c) => c.tags.listForConversation("42" as never),
      /conversationId must be a positive safe integer/,
    ],
    [
      "tags.tagConversation: a zero conversation id",
      "async",
      (c) => c.tags.tagConversation(0, tagId),
      /conversationId must be a positive safe integer/,
    ],
    [
      "tags.tagConversation: a tag id that is not a UUID",
      "async",
      (c) => c.tags.tagConversation(42, "vip"),
      /tagId must be a UUID string/,
    ],
    [
      "tags.untagConversation: a fractional conversation id",
      "async",
      (c) => c.tags.untagConversation(4.2, tagId),
      /conversationId must be a positive safe integer/,
    ],
    [
      "tags.untagConversation: a tag id that is not a UUID",
      "async",
      (c) => c.tags.untagConversation(42, "x"),
      /tagId must be a UUID string/,
    ],
    [
      "tags.tagConversationByNames: an unsafe conversation id",
      "async",
      (c) => c.tags.tagConversationByNames(2 ** 53, [{ name: "a" }]),
      /conversationId must be a positive safe integer/,
    ],
    [
      "tags.tagConversationByNames: no tags",
      "async",
      (c) => c.tags.tagConversationByNames(42, []),
      /tags must be a non-empty array/,
    ],
    [
      "tags.tagConversationByNames: the body instead of the list",
      "async",
      (c) => c.tags.tagConversationByNames(42, { data: [{ name: "a" }] } as never),
      /tags must be a non-empty array, got an object/,
    ],
    [
      "tags.tagConversationByNames: a tag without name",
      "async",
      (c) => c.tags.tagConversationByNames(42, [{ name: "a" }, { name: " " }]),
      /tags\[1\]\.name must be a non-empty string/,
    ],
  ];
}

/** teams: the cases of the former teams-validation.test.ts. */
function teamsRefusals(): Refusal[] {
  const teamId = "005e7108-c85c-41d1-a945-4a8dc58c4399";
  const agentIds = ["912d5148-6918-4420-b23a-8584b896c8ae", "a8080cf3-9d55-41dd-a8ef-b02414399e7a"];
  return [
    [
      "teams.get: a non-UUID id",
      "async",
      (c) => c.teams.get("team-a"),
      /teamId must be a UUID string/,
    ],
    [
      "teams.delete: an empty id",
      "async",
      (c) => c.teams.delete(""),
      /teamId must be a UUID string/,
    ],
    [
      "teams.listMembers: bad id",
      "async",
      (c) => c.teams.listMembers("1"),
      /teamId must be a UUID string/,
    ],
    [
      "teams.create: missing name",
      "async",
      (c) => c.teams.create({} as never),
      /team\.name must be a non-empty string/,
    ],
    [
      "teams.create: not an object",
      "async",
      (c) => c.teams.create("Team A" as never),
      /team must be an object/,
    ],
    [
      "teams.addMembers: bad team id",
      "async",
      (c) => c.teams.addMembers("x", { agentIds }),
      /teamId must be a UUID string/,
    ],
    [
      "teams.addMembers: agentIds that are not a list",
      "async",
      (c) => c.teams.addMembers(teamId, { agentIds: "x" as never }),
      /members\.agentIds must be an array/,
    ],
    [
      "teams.addMembers: one bad agent id",
      "async",
      (c) => c.teams.addMembers(teamId, { agentIds: [agentIds[0]!, "agent-2"] }),
      /members\.agentIds\[1\] must be a UUID string/,
    ],
    [
      "teams.removeMembers: bad team id",
      "async",
      (c) => c.teams.removeMembers("x", { agentIds }),
      /teamId must be a UUID string/,
    ],
    [
      "teams.removeMembers: agentIds that are not UUIDs",
      "async",
      (c) => c.teams.removeMembers(teamId, { agentIds: ["x"] }),
      /members\.agentIds\[0\] must be a UUID string/,
    ],
    [
      "teams.removeMembers: not an object",
      "async",
      (c) => c.teams.removeMembers(teamId, agentIds as never),
      /members must be an object/,
    ],
    [
      "teams.listPresence: bad id (thrown at the call, not at iteration)",
      "paged",
      (c) => c.teams.listPresence("x"),
      /teamId must be a UUID string/,
    ],
  ];
}

/** templates: the cases of the former templates-validation.test.ts. */
function templatesRefusals(): Refusal[] {
  return [
    [
      "templates.delete: a non-UUID id",
      "async",
      (c) => c.templates.delete("30-days"),
      /templateId must be a UUID string, got "30-days" \(a string\); pass 32 hexadecimal digits as 8-4-4-4-12/,
    ],
    [
      "templates.delete: a missing id",
      "async",
      (c) => c.templates.delete(undefined as never),
      /templateId must be a UUID string, got undefined/,
    ],
    [
      "templates.list: a zero pageLimit",
      "paged",
      (c) => c.templates.list({ pageLimit: 0 }),
      /query\.pageLimit must be a positive integer/,
    ],
    [
      "templates.list: a query that is not an object",
      "paged",
      (c) => c.templates.list([] as never),
      /query must be an object/,
    ],
  ];
}

/** webhooks: the cases of the former webhooks-validation.test.ts. */
function webhooksRefusals(): Refusal[] {
  const id = "cb452b81-6748-40ab-af85-6559b371bc5d";
  const valid: CreateWebhookInput = {
    name: "Dashboard",
    url: "https://example.org/hook",
    authorization: {},
    customHeaders: {},
  };
  const withFields = (fields: Record<string, unknown>) => ({ ...valid, ...fields }) as never;
  return [
    [
      "webhooks.get: a non-UUID id",
      "async",
      (c) => c.webhooks.get("hook-1"),
      /webhookSubscriptionId must be a UUID string, got "hook-1" \(a string\)/,
    ],
    [
      "webhooks.delete: a missing id",
      "async",
      (c) => c.webhooks.delete(undefined as never),
      /webhookSubscriptionId must be a UUID string, got undefined/,
    ],
    [
      "webhooks.update: a non-UUID id",
      "async",
      (c) => c.webhooks.update("x", { name: "n" }),
      /webhookSubscriptionId must be a UUID string/,
    ],
    [
      "webhooks.update: changes not an object",
      "async",
      (c) => c.webhooks.update(id, null as never),
      /changes must be an object, got null/,
    ],
    [
      "webhooks.update: an authorization with unknown fields",
      "async",
      (c) => c.webhooks.update(id, { authorization: { token: "t" } as never }),
      /changes\.authorization must be \{ username, password \} \(Basic\), \{ value \} \(token\) or \{\} \(none\)/,
    ],
    [
      "webhooks.update: a filter condition without _type",
      "async",
      (c) =>
        c.webhooks.update(id, {
          filters: {
            Conversation: { strategy: "All", conditions: [{ field: "QueueId", values: ["q"] }] },
          } as never,
        }),
      /changes\.filters\.Conversation\.conditions\[0\]\._type must be "IsOneOf" or "IsNotOneOf"/,
    ],
    [
      "webhooks.update: a filter without conditions",
      "async",
      (c) =>
        c.webhooks.update(id, { filters: { Conversation: { strategy: "All", conditions: [] } } }),
      /changes\.filters\.Conversation\.conditions must be a non-empty array/,
    ],
    [
      "webhooks.update: a condition with an empty value",
      "async",
      (c) =>
        c.webhooks.update(id, {
          filters: {
            Conversation: {
              strategy: "Any",
              conditions: [{ _type: "IsOneOf", field: "QueueId", values: ["a", ""] }],
            },
          },
        }),
      /changes\.filters\.Conversation\.conditions\[0\]\.values\[1\] must be a non-empty string/,
    ],
    [
      "webhooks.create: not an object",
      "async",
      (c) => c.webhooks.create("x" as never),
      /subscription must be an object/,
    ],
    [
      "webhooks.create: no name",
      "async",
      (c) => c.webhooks.create(withFields({ name: undefined })),
      /subscription\.name must be a non-empty string, got undefined/,
    ],
    [
      "webhooks.create: no url",
      "async",
      (c) => c.webhooks.create(withFields({ url: "" })),
      /subscription\.url must be a non-empty string/,
    ],
    [
      "webhooks.create: no authorization",
      "async",
      (c) => c.webhooks.create(withFields({ authorization: undefined })),
      /subscription\.authorization is required, got undefined/,
    ],
    [
      "webhooks.create: Basic auth without password",
      "async",
      (c) => c.webhooks.create(withFields({ authorization: { username: "u" } })),
      /subscription\.authorization\.password must be a non-empty string/,
    ],
    [
      "webhooks.create: token auth with an empty value",
      "async",
      (c) => c.webhooks.create(withFields({ authorization: { _type: "TokenAuth", value: "" } })),
      /subscription\.authorization\.value must be a non-empty string/,
    ],
    [
      "webhooks.create: an unknown authorization _type",
      "async",
      (c) => c.webhooks.create(withFields({ authorization: { _type: "OAuth" } })),
      /subscription\.authorization\._type must be one of BasicAuth, TokenAuth, NoAuth, got a string of 5 characters/,
    ],
    [
      "webhooks.create: no customHeaders",
      "async",
      (c) => c.webhooks.create(withFields({ customHeaders: undefined })),
      /subscription\.customHeaders must be an object, got undefined/,
    ],
    [
      "webhooks.create: a customHeaders value that is not a string",
      "async",
      (c) => c.webhooks.create(withFields({ customHeaders: { "X-Count": 1 } })),
      /subscription\.customHeaders\["X-Count"\] must be a string, got the number 1/,
    ],
    [
      "webhooks.getDeliveryStatus: a non-UUID id",
      "async",
      (c) => c.webhooks.getDeliveryStatus("1234"),
      /webhookSubscriptionId must be a UUID string/,
    ],
    [
      "webhooks.listDeliveryLogs: a non-UUID id",
      "async",
      (c) => c.webhooks.listDeliveryLogs("1234", "ConversationCreated"),
      /webhookSubscriptionId must be a UUID string/,
    ],
    [
      "webhooks.listDeliveryLogs: an empty event",
      "async",
      (c) => c.webhooks.listDeliveryLogs(id, ""),
      /event must be a non-empty string, got an empty string/,
    ],
  ];
}

const refusals: Refusal[] = [
  ...agentsRefusals(),
  ...analyticsRefusals(),
  ...anonymizationRefusals(),
  ...businessHoursRefusals(),
  ...contactEndpointsRefusals(),
  ...conversationsRefusals(),
  ...customAttributesRefusals(),
  ...endUsersRefusals(),
  ...knowledgeRefusals(),
  ...messagesRefusals(),
  ...queuesRefusals(),
  ...ratingsRefusals(),
  ...searchRefusals(),
  ...tagsRefusals(),
  ...teamsRefusals(),
  ...templatesRefusals(),
  ...webhooksRefusals(),
];

describe("every argument check refuses before anything is sent", () => {
  it.each(refusals)("%s", async (_name, kind, call, message) => {
    const recording = recordingFetch();
    const client = recording.client();
    if (kind === "paged") {
      expect(() => call(client)).toThrow(TypeError);
      expect(() => call(client)).toThrow(message);
    } else {
      let result: unknown;
      expect(() => (result = call(client))).not.toThrow();
      await expect(result).rejects.toThrow(TypeError);
      await expect(call(client) as Promise<unknown>).rejects.toThrow(message);
    }
    expect(recording.requests).toHaveLength(0);
  });
});
