/**
 * Typed events for users' own tests: the sample payloads (fresh copies with a fresh `event_id`,
 * safe to change), and events of any type built around data of your choosing. Sign them with
 * `signDixaWebhook`.
 *
 * The samples are kept as data below. None is a raw capture of a Dixa delivery: they are Dixa's
 * OpenAPI examples, Pipedream's hand-made test events and a third-party fixture modelled on a
 * real delivery. Values are as in the source (placeholder ids included); the project's copies and
 * their provenance are in ../shared/dixa-webhooks/samples/ (sources.md), and a test checks these
 * equal them. Samples carrying personal data of real people were deliberately not copied.
 */
import type { DixaEventFqn } from "./event-names.js";
import type { DixaEventDataByFqn, DixaWebhookEnvelope, DixaWebhookEventOf } from "./events.js";

/** The events a sample payload exists for. */
export type DixaSampledEventFqn =
  | "CONVERSATION_CREATED"
  | "CONVERSATION_PENDING"
  | "CONVERSATION_MESSAGE_ADDED"
  | "CONVERSATION_NOTE_ADDED"
  | "CONVERSATION_TAG_ADDED"
  | "CONVERSATION_RATED";

/** Envelope fields to set on a test event instead of the defaults. */
export type DixaTestEnvelope = Partial<Omit<DixaWebhookEnvelope, "event_fqn" | "data">>;

/**
 * A copy of the (first) sample payload of an event type, typed, with a fresh random `event_id`
 * (so two samples posted to a receiver are two events, not a duplicate) unless `envelope` gives
 * one. Samples are test data from public sources, not captures of Dixa deliveries;
 * `dixaSamples` says where each came from.
 */
export function sampleDixaEvent<Fqn extends DixaSampledEventFqn>(
  eventFqn: Fqn,
  envelope: DixaTestEnvelope = {},
): DixaWebhookEventOf<Fqn> {
  const sample = dixaSamples.find((s) => s.event.event_fqn === eventFqn);
  if (sample === undefined) {
    throw new TypeError(
      `eventFqn must be one of the events with a sample (${[...new Set(dixaSamples.map((s) => s.event.event_fqn))].join(", ")}), got ${JSON.stringify(String(eventFqn)).slice(0, 80)}`,
    );
  }
  const event: Record<string, unknown> = {
    ...structuredClone(sample.event),
    event_id: globalThis.crypto.randomUUID(),
  };
  for (const [field, value] of Object.entries(envelope)) {
    if (value !== undefined) event[field] = value;
  }
  return event as unknown as DixaWebhookEventOf<Fqn>;
}

/**
 * An event of any known type with the given `data`; the envelope gets a random `event_id`, the
 * current time and a test organization unless given.
 *
 * ```ts
 * import { createDixaTestEvent, sampleDixaEvent } from "dixa-beta/webhooks";
 *
 * const closed = createDixaTestEvent("CONVERSATION_CLOSED", {
 *   conversation: sampleDixaEvent("CONVERSATION_CREATED").data.conversation,
 * });
 * ```
 */
export function createDixaTestEvent<Fqn extends DixaEventFqn>(
  eventFqn: Fqn,
  data: DixaEventDataByFqn[Fqn],
  envelope: DixaTestEnvelope = {},
): DixaWebhookEventOf<Fqn> {
  if (typeof eventFqn !== "string" || (eventFqn as string) === "") {
    throw new TypeError("eventFqn must be a Dixa event_fqn such as CONVERSATION_CLOSED");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new TypeError("data must be an object");
  }
  return {
    event_id: envelope.event_id ?? globalThis.crypto.randomUUID(),
    event_fqn: eventFqn,
    event_version: envelope.event_version ?? "1",
    event_timestamp: envelope.event_timestamp ?? new Date().toISOString(),
    organization: envelope.organization ?? {
      id: "00000000-0000-4000-8000-000000000000",
      name: "Test Organization",
    },
    data,
  } as DixaWebhookEventOf<Fqn>;
}

// --- The samples --------------------------------------------------------------------------------

/** One sample: the event, where it came from, and what kind of source that is. */
export interface DixaSampleEvent<Fqn extends DixaEventFqn = DixaEventFqn> {
  readonly event: DixaWebhookEventOf<Fqn>;
  /** `dixa-openapi`: Dixa's own example; `pipedream`: hand-made test data; `whoppah-fixture`: modelled on a real delivery. */
  readonly kind: "dixa-openapi" | "pipedream" | "whoppah-fixture";
  /** Repository, path and commit (or document) of the source. */
  readonly source: string;
  /** The file in ../shared/dixa-webhooks/samples/ holding the same payload. */
  readonly file: string;
}

/** Every sample, main one first for each event. */
export const dixaSamples: readonly DixaSampleEvent[] = [
  {
    kind: "pipedream",
    source:
      "Pipedream's Dixa component test event (hand-made; placeholder ids): github PipedreamHQ/pipedream components/dixa/sources/new-conversation-created-instant/test-event.mjs @ f1a5fbca2ef19def1312f13c6cff840b755bb163",
    file: "CONVERSATION_CREATED.json",
    event: {
      event_fqn: "CONVERSATION_CREATED",
      event_id: "12345678-1234-1234-1234-1234567890",
      event_timestamp: "2025-01-14T22:01:05.429Z",
      event_version: "1",
      organization: { id: "12345678-1234-1234-1234-1234567890", name: "Org Name" },
      data: {
        conversation: {
          assignee: null,
          channel: "EMAIL",
          contact_point: "contact@email.dixa.io",
          created_at: "2025-01-13T19:48:33.178Z",
          csid: 2,
          direction: "INBOUND",
          queue: { id: "12345678-1234-1234-1234-1234567890", name: "default" },
          requester: {
            email: "contact@email.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Contact Name",
            phone: null,
            roles: [],
            user_type: "Contact",
          },
          status: "OPEN",
          subject: "Subject Text",
          tags: [],
        },
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_CREATED">,
  },
  {
    kind: "pipedream",
    source:
      "Pipedream's test event (hand-made): github PipedreamHQ/pipedream components/dixa/sources/conversation-status-changed-instant/test-event.mjs @ e553982eae91f9d470cc5c6f07ee7b705ea41d11",
    file: "CONVERSATION_PENDING.json",
    event: {
      event_fqn: "CONVERSATION_PENDING",
      event_id: "12345678-1234-1234-1234-1234567890",
      event_timestamp: "2025-01-14T22:01:05.429Z",
      event_version: "1",
      organization: { id: "12345678-1234-1234-1234-1234567890", name: "Org Name" },
      data: {
        conversation: {
          assignee: {
            email: "email@dixa.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Agent Name",
            phone: "+123456789",
            roles: [],
            user_type: "Member",
          },
          channel: "EMAIL",
          contact_point: "contact@email.dixa.io",
          created_at: "2025-01-13T19:48:33.178Z",
          csid: 2,
          direction: "OUTBOUND",
          queue: { id: "12345678-1234-1234-1234-1234567890", name: "default" },
          requester: {
            email: "contact@email.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Contact Name",
            phone: null,
            roles: [],
            user_type: "Contact",
          },
          status: "PENDING",
          subject: "Subject Text",
          tags: [],
        },
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_PENDING">,
  },
  {
    kind: "pipedream",
    source:
      'Pipedream\'s test event (hand-made; note the string "null" in external_id and no attachments): github PipedreamHQ/pipedream components/dixa/sources/new-message-added-instant/test-event.mjs @ 6cd5675da8790b7c6411cb1f4648d633a10737f7',
    file: "CONVERSATION_MESSAGE_ADDED.json",
    event: {
      event_fqn: "CONVERSATION_MESSAGE_ADDED",
      event_id: "12345678-1234-1234-1234-1234567890",
      event_timestamp: "2025-01-14T22:01:05.429Z",
      event_version: "1",
      organization: { id: "12345678-1234-1234-1234-1234567890", name: "Org Name" },
      data: {
        author: {
          email: "email@dixa.com",
          id: "12345678-1234-1234-1234-1234567890",
          name: "Agent Name",
          phone: "+123456789",
          roles: [],
          user_type: "Member",
        },
        channel: "EMAIL",
        content: {
          text: "Message Text",
          content_type: "Text",
          original_content_url: null,
          processed_content_url: null,
        },
        conversation: {
          assignee: {
            email: "email@dixa.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Agent Name",
            phone: "+123456789",
            roles: [],
            user_type: "Member",
          },
          channel: "EMAIL",
          contact_point: "contact@email.dixa.io",
          created_at: "2025-01-13T19:48:33.178Z",
          csid: 2,
          direction: "OUTBOUND",
          queue: { id: "12345678-1234-1234-1234-1234567890", name: "default" },
          requester: {
            email: "contact@email.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Contact Name",
            phone: null,
            roles: [],
            user_type: "Contact",
          },
          status: "PENDING",
          subject: "Subject Text",
          tags: [],
        },
        created_at: "2025-01-14T23:08:43.187Z",
        direction: "outbound",
        external_id: "null",
        message_id: "12345678-1234-1234-1234-1234567890",
        text: "Message Text",
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_MESSAGE_ADDED">,
  },
  {
    kind: "whoppah-fixture",
    source:
      "A third-party fixture with test values, shaped like a real delivery captured in the same repository: github whoppah/dirq test_payloads/valid_whoppah_payload.json @ dac4308b0c5ac7198a8e1c7602cd0fa5ec2a1d3b",
    file: "alt/CONVERSATION_MESSAGE_ADDED.whoppah-dirq-fixture.json",
    event: {
      event_id: "test-event-123",
      event_fqn: "CONVERSATION_MESSAGE_ADDED",
      event_version: "1",
      event_timestamp: "2025-01-26T13:01:02.954Z",
      organization: { id: "7c0308f4-8217-41e5-8dbe-725525c47ee3", name: "Whoppah" },
      data: {
        conversation: {
          csid: 33356,
          channel: "EMAIL",
          status: "OPEN",
          direction: "INBOUND",
          queue: null,
          contact_point: "whoppah-support@email.dixa.io",
          requester: {
            id: "test-user-id",
            name: "Test User",
            email: "testuser@whoppah.com",
            phone: null,
            roles: [],
            user_type: "Member",
          },
          assignee: null,
          subject: "Test message from whoppah.com user",
          tags: [],
          created_at: "2025-01-26T13:01:02.900Z",
        },
        author: {
          id: "test-user-id",
          name: "Test User",
          email: "testuser@whoppah.com",
          phone: null,
          roles: [],
          user_type: "Member",
        },
        created_at: "2025-01-26T13:01:02.954Z",
        message_id: "test-message-123",
        text: "Hello, I need help with my order. Can you please assist me?",
        direction: "inbound",
        channel: "EMAIL",
        content: {
          text: "Hello, I need help with my order. Can you please assist me?",
          content_type: null,
          original_content_url: null,
          processed_content_url: null,
        },
        attachments: [],
        external_id: null,
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_MESSAGE_ADDED">,
  },
  {
    kind: "dixa-openapi",
    source:
      "Dixa's beta OpenAPI description, example of GET /beta/webhooks/{webhookSubscriptionId}/delivery-status/logs/{event}, data[0].payload (ids are not valid hex)",
    file: "CONVERSATION_NOTE_ADDED.json",
    event: {
      event_id: "8967e0c6-fe64-4105-bf71-14ae0c256gg4",
      event_fqn: "CONVERSATION_NOTE_ADDED",
      event_version: "1",
      event_timestamp: "2023-09-15T12:00:00.000Z",
      organization: { id: "g1b15dq2-bba8-48a8-a92e-852014a166r9", name: "Your Org Name" },
      data: {
        conversation: {
          csid: 1234,
          channel: "WIDGET_CHAT",
          status: "OPEN",
          direction: "INBOUND",
          queue: { id: "b5b10483-7d28-4dea-bf8d-0d88cc3bd7cc", name: "Your Queue" },
          contact_point: "Your Contact Point",
          requester: {
            id: "ec4a2b65-0403-42b3-b054-8998325fd8ac",
            name: "Test Requester",
            email: "test@example.com",
            phone: null,
            roles: ["Enduser"],
          },
          assignee: {
            id: "cccb8520-e24f-43bf-8344-49d07665d854",
            name: "An Agent",
            email: "agent@yourcompany.com",
            phone: "+4511223344",
            roles: ["Admin", "TeamLead", "SystemAdmin", "Agent"],
          },
          subject: null,
          tags: [],
          created_at: "2023-09-01T12:00:00.000Z",
        },
        note_id: "ac951357-5189-4707-add7-616af55698q7",
        text: "Some Note Added",
        created_at: "2023-09-15T12:00:00.000Z",
        author: {
          id: "cccb8520-e24f-43bf-8344-49d07665d854",
          name: "An Agent",
          email: "agent@yourcompany.com",
          phone: "+4511223344",
          roles: ["Admin", "TeamLead", "SystemAdmin", "Agent"],
        },
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_NOTE_ADDED">,
  },
  {
    kind: "dixa-openapi",
    source: "The same OpenAPI example, data[1].payload",
    file: "alt/CONVERSATION_NOTE_ADDED.openapi-beta-example-2.json",
    event: {
      event_id: "9963e0c6-fe64-4105-bf71-14ae0c123hh5",
      event_fqn: "CONVERSATION_NOTE_ADDED",
      event_version: "1",
      event_timestamp: "2023-09-15T08:00:00.000Z",
      organization: { id: "g1b15dq2-bba8-48a8-a92e-852014a166r9", name: "Your Org Name" },
      data: {
        conversation: {
          csid: 1234,
          channel: "WIDGET_CHAT",
          status: "OPEN",
          direction: "INBOUND",
          queue: { id: "b5b10483-7d28-4dea-bf8d-0d88cc3bd7cc", name: "Your Queue" },
          contact_point: "Your Contact Point",
          requester: {
            id: "ec4a2b65-0403-42b3-b054-8998325fd8ac",
            name: "Test Requester",
            email: "test@example.com",
            phone: null,
            roles: ["Enduser"],
          },
          assignee: {
            id: "cccb8520-e24f-43bf-8344-49d07665d854",
            name: "An Agent",
            email: "agent@yourcompany.com",
            phone: "+4511223344",
            roles: ["Admin", "TeamLead", "SystemAdmin", "Agent"],
          },
          subject: null,
          tags: [],
          created_at: "2023-09-01T12:00:00.000Z",
        },
        note_id: "ac951357-5189-4707-add7-616af55698q7",
        text: "First Note",
        created_at: "2023-09-15T08:00:00.000Z",
        author: {
          id: "cccb8520-e24f-43bf-8344-49d07665d854",
          name: "An Agent",
          email: "agent@yourcompany.com",
          phone: "+4511223344",
          roles: ["Admin", "TeamLead", "SystemAdmin", "Agent"],
        },
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_NOTE_ADDED">,
  },
  {
    kind: "pipedream",
    source:
      "Pipedream's test event (hand-made): github PipedreamHQ/pipedream components/dixa/sources/new-tag-added-instant/test-event.mjs @ e553982eae91f9d470cc5c6f07ee7b705ea41d11",
    file: "CONVERSATION_TAG_ADDED.json",
    event: {
      event_fqn: "CONVERSATION_TAG_ADDED",
      event_id: "12345678-1234-1234-1234-1234567890",
      event_timestamp: "2025-01-14T22:01:05.429Z",
      event_version: "1",
      organization: { id: "12345678-1234-1234-1234-1234567890", name: "Org Name" },
      data: {
        author: {
          email: "email@dixa.com",
          id: "12345678-1234-1234-1234-1234567890",
          name: "Agent Name",
          phone: "+123456789",
          roles: [],
          user_type: "Member",
        },
        tag: "Tag Name",
        conversation: {
          assignee: {
            email: "email@dixa.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Agent Name",
            phone: "+123456789",
            roles: [],
            user_type: "Member",
          },
          channel: "EMAIL",
          contact_point: "contact@email.dixa.io",
          created_at: "2025-01-13T19:48:33.178Z",
          csid: 2,
          direction: "OUTBOUND",
          queue: { id: "12345678-1234-1234-1234-1234567890", name: "default" },
          requester: {
            email: "contact@email.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Contact Name",
            phone: null,
            roles: [],
            user_type: "Contact",
          },
          status: "PENDING",
          subject: "Subject Text",
          tags: [
            { id: "12345678-1234-1234-1234-1234567890", name: "Tag Name", is_deactivated: false },
          ],
        },
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_TAG_ADDED">,
  },
  {
    kind: "pipedream",
    source:
      "Pipedream's test event (hand-made; score and type sit inside conversation): github PipedreamHQ/pipedream components/dixa/sources/new-customer-satisfaction-rating-instant/test-event.mjs @ f1a5fbca2ef19def1312f13c6cff840b755bb163",
    file: "CONVERSATION_RATED.json",
    event: {
      event_fqn: "CONVERSATION_RATED",
      event_id: "12345678-1234-1234-1234-1234567890",
      event_timestamp: "2025-01-14T22:01:05.429Z",
      event_version: "1",
      organization: { id: "12345678-1234-1234-1234-1234567890", name: "Org Name" },
      data: {
        agent: {
          email: "email@dixa.com",
          id: "12345678-1234-1234-1234-1234567890",
          name: "Agent Name",
          phone: "+123456789",
          roles: [],
          user_type: "Member",
        },
        comment: "Best customer service ever!",
        conversation: {
          assignee: {
            email: "email@dixa.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Agent Name",
            phone: "+123456789",
            roles: [],
            user_type: "Member",
          },
          channel: "EMAIL",
          contact_point: "contact@email.dixa.io",
          created_at: "2025-01-13T19:48:33.178Z",
          csid: 2,
          direction: "OUTBOUND",
          queue: { id: "12345678-1234-1234-1234-1234567890", name: "default" },
          requester: {
            email: "contact@email.com",
            id: "12345678-1234-1234-1234-1234567890",
            name: "Contact Name",
            phone: null,
            roles: [],
            user_type: "Contact",
          },
          status: "CLOSED",
          subject: "Subject Text",
          tags: [],
          score: 4,
          type: "Csat",
        },
      },
    } satisfies DixaWebhookEventOf<"CONVERSATION_RATED">,
  },
];
