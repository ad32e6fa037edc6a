/**
 * Type-level checks (run by `npm run typecheck`; vitest only sees the runtime assertions).
 */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/dixa-beta.js";
import type { CreateWebhookInput, DixaClient } from "../../src/index.js";
import {
  constructDixaEvent,
  createDixaWebhookReceiver,
  dixaEventFqn,
  dixaSubscriptionName,
  isDixaEvent,
  isKnownDixaEvent,
  sampleDixaEvent,
  toDixaEventFqn,
  toDixaSubscriptionName,
  type DixaEventDataByFqn,
  type DixaEventFqn,
  type DixaKnownWebhookEvent,
  type DixaSubscriptionEventName,
  type DixaUnknownWebhookEvent,
  type DixaWebhookEvent,
  type DixaWebhookEventNamed,
  type DixaWebhookEventOf,
  type DixaWebhookHeaders,
  type DixaWebhookNodeRequestLike,
  type DixaWebhookRequestLike,
} from "../../src/webhooks/index.js";

type Schemas = components["schemas"];

describe("subscription names fit what the API and the client take", () => {
  it("as `events` of create and patch, and of the facade's create", () => {
    expectTypeOf<DixaSubscriptionEventName[]>().toMatchTypeOf<
      NonNullable<Schemas["CreateWebhookSubscriptionInput"]["events"]>
    >();
    expectTypeOf<DixaSubscriptionEventName[]>().toMatchTypeOf<
      NonNullable<Schemas["PatchWebhookSubscriptionInput"]["events"]>
    >();
    expectTypeOf<DixaSubscriptionEventName[]>().toMatchTypeOf<
      NonNullable<CreateWebhookInput["events"]>
    >();
    const handled = [
      "ConversationMessageAdded",
      "ConversationClosed",
    ] as const satisfies readonly DixaSubscriptionEventName[];
    expectTypeOf<DixaClient["webhooks"]["create"]>().toBeCallableWith({
      name: "n",
      url: "https://example.org/dixa",
      authorization: {},
      customHeaders: {},
      events: [...handled],
    });
    expect(handled).toHaveLength(2);
  });

  it("the mapping is typed both ways", () => {
    expectTypeOf(dixaEventFqn.ConversationClosed).toEqualTypeOf<"CONVERSATION_CLOSED">();
    expectTypeOf(dixaSubscriptionName.CONVERSATION_CLOSED).toEqualTypeOf<"ConversationClosed">();
    expectTypeOf(toDixaEventFqn("TypingStarted")).toEqualTypeOf<"TYPING_STARTED">();
    expectTypeOf(toDixaSubscriptionName("TYPING_STARTED")).toEqualTypeOf<"TypingStarted">();
    expectTypeOf(toDixaSubscriptionName("SOMETHING" as string)).toEqualTypeOf<
      DixaSubscriptionEventName | undefined
    >();
    // @ts-expect-error not a subscription name (never called: it would throw a TypeError)
    const wrong = () => toDixaEventFqn("CONVERSATION_CLOSED");
    expect(wrong).toThrow(TypeError);
    expect(dixaEventFqn.ConversationClosed).toBe("CONVERSATION_CLOSED");
  });

  it("every known event_fqn has a data type, and only those", () => {
    expectTypeOf<keyof DixaEventDataByFqn>().toEqualTypeOf<DixaEventFqn>();
    expectTypeOf<DixaWebhookEventNamed<"ConversationClosed">>().toEqualTypeOf<
      DixaWebhookEventOf<"CONVERSATION_CLOSED">
    >();
  });
});

describe("events narrow", () => {
  it("a known event by switch on event_fqn", () => {
    const handle = (event: DixaKnownWebhookEvent): string => {
      switch (event.event_fqn) {
        case "CONVERSATION_MESSAGE_ADDED":
          expectTypeOf(event.data.content.text).toEqualTypeOf<string>();
          expectTypeOf(event.data.external_id).toEqualTypeOf<string | null>();
          return event.data.direction;
        case "CONVERSATION_CLOSED":
          expectTypeOf(event.data.conversation.csid).toEqualTypeOf<number>();
          return String(event.data.conversation.csid);
        case "CONVERSATION_PENDING_EXPIRED":
          expectTypeOf(event.data.pendingByUser).toEqualTypeOf<
            DixaEventDataByFqn["CONVERSATION_PENDING_EXPIRED"]["pendingByUser"]
          >();
          return "";
        case "CONVERSATION_ASSIGNED":
          // Not published: conversation is assumed, so optional; other fields are unknown.
          expectTypeOf(event.data.conversation?.assignee).toEqualTypeOf<
            | NonNullable<DixaEventDataByFqn["CONVERSATION_CREATED"]["conversation"]["assignee"]>
            | null
            | undefined
          >();
          expectTypeOf(event.data["agent"]).toEqualTypeOf<unknown>();
          return "";
        case "SLA_EVALUATION_BREACHED":
          expectTypeOf(event.data["policy"]).toEqualTypeOf<unknown>();
          // @ts-expect-error nothing is known of an SLA event's data
          return event.data.conversation.csid;
        default:
          return event.event_fqn;
      }
    };
    expect(handle(sampleDixaEvent("CONVERSATION_MESSAGE_ADDED"))).toBe("outbound");
  });

  it("the full union after isKnownDixaEvent, or one type with isDixaEvent", () => {
    const handle = (event: DixaWebhookEvent): string => {
      if (isDixaEvent(event, "ConversationTagAdded")) {
        expectTypeOf(event).toEqualTypeOf<DixaWebhookEventOf<"CONVERSATION_TAG_ADDED">>();
        return event.data.tag;
      }
      if (!isKnownDixaEvent(event)) {
        expectTypeOf(event).toEqualTypeOf<DixaUnknownWebhookEvent>();
        return `unknown ${event.event_fqn}`;
      }
      // (Subtype narrowing gives back the whole known union here, not minus the tag event.)
      expectTypeOf(event).toEqualTypeOf<DixaKnownWebhookEvent>();
      return event.event_fqn;
    };
    expect(handle(sampleDixaEvent("CONVERSATION_TAG_ADDED"))).toBe("Tag Name");
    expect(handle({ ...sampleDixaEvent("CONVERSATION_CREATED"), event_fqn: "NEW_THING" })).toBe(
      "unknown NEW_THING",
    );
  });

  it("strict mode returns known events only", () => {
    // Wrapped, never called: only the return types are checked.
    const strictCall = () => constructDixaEvent("", {}, "00", { rejectUnknownEvents: true });
    const lenientCall = () => constructDixaEvent("", {}, "00");
    expectTypeOf(strictCall).returns.resolves.toEqualTypeOf<DixaKnownWebhookEvent>();
    expectTypeOf(lenientCall).returns.resolves.toEqualTypeOf<DixaWebhookEvent>();
    const strict = createDixaWebhookReceiver({ secret: "00", rejectUnknownEvents: true });
    expectTypeOf(strict.constructEvent).returns.resolves.toEqualTypeOf<DixaKnownWebhookEvent>();
    const lenient = createDixaWebhookReceiver({ secret: "00" });
    expectTypeOf(lenient.fromRequest).returns.resolves.toEqualTypeOf<DixaWebhookEvent>();
    expect(typeof strict.fromNodeRequest).toBe("function");
  });
});

describe("the adapters take the real request types", () => {
  it("Node's IncomingMessage and its headers, the Fetch Request and Headers", () => {
    expectTypeOf<IncomingMessage>().toMatchTypeOf<DixaWebhookNodeRequestLike>();
    expectTypeOf<IncomingHttpHeaders>().toMatchTypeOf<DixaWebhookHeaders>();
    expectTypeOf<Request>().toMatchTypeOf<DixaWebhookRequestLike>();
    expectTypeOf<Headers>().toMatchTypeOf<DixaWebhookHeaders>();
    // An Express request is an IncomingMessage with `body: any`.
    expectTypeOf<IncomingMessage & { body: any }>().toMatchTypeOf<DixaWebhookNodeRequestLike>();
    expect(true).toBe(true);
  });
});
