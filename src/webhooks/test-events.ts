/**
 * Typed events for users' own tests: the sample payloads (fresh copies, safe to change), and
 * events of any type built around data of your choosing. Sign them with `signDixaWebhook`.
 */
import type { DixaEventFqn } from "./event-names.js";
import type { DixaEventDataByFqn, DixaWebhookEnvelope, DixaWebhookEventOf } from "./event-types.js";
import { dixaSamples } from "./samples.js";

/** The events a sample payload exists for. */
export type DixaSampledEventFqn =
  | "CONVERSATION_CREATED"
  | "CONVERSATION_PENDING"
  | "CONVERSATION_MESSAGE_ADDED"
  | "CONVERSATION_NOTE_ADDED"
  | "CONVERSATION_TAG_ADDED"
  | "CONVERSATION_RATED";

/**
 * A copy of the (first) sample payload of an event type, typed. Samples are test data from
 * public sources, not captures of Dixa deliveries; `dixaSamples` says where each came from.
 */
export function sampleDixaEvent<Fqn extends DixaSampledEventFqn>(
  eventFqn: Fqn,
): DixaWebhookEventOf<Fqn> {
  const sample = dixaSamples.find((s) => s.event.event_fqn === eventFqn);
  if (sample === undefined) {
    throw new TypeError(
      `eventFqn must be one of the events with a sample (${[...new Set(dixaSamples.map((s) => s.event.event_fqn))].join(", ")}), got ${JSON.stringify(String(eventFqn)).slice(0, 80)}`,
    );
  }
  return structuredClone(sample.event) as DixaWebhookEventOf<Fqn>;
}

/**
 * An event of any known type with the given `data`; the envelope gets a random `event_id`, the
 * current time and a test organization unless given.
 *
 * ```ts
 * const closed = createDixaTestEvent("CONVERSATION_CLOSED", {
 *   conversation: sampleDixaEvent("CONVERSATION_CREATED").data.conversation,
 * });
 * ```
 */
export function createDixaTestEvent<Fqn extends DixaEventFqn>(
  eventFqn: Fqn,
  data: DixaEventDataByFqn[Fqn],
  envelope: Partial<Omit<DixaWebhookEnvelope, "event_fqn" | "data">> = {},
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
