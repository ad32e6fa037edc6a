/**
 * A consumer of `dixa-beta/webhooks`, written the way the README shows: sign a delivery as Dixa
 * would, receive it through a Fetch API Request, narrow the event, refuse a tampered copy. No
 * Node.js API, so it typechecks for a bundler/browser project too.
 */
import {
  createDixaWebhookReceiver,
  dixaEventFqn,
  isDixaWebhookSignatureError,
  isKnownDixaEvent,
  sampleDixaEvent,
  signDixaWebhook,
  type DixaSubscriptionEventName,
  type DixaWebhookEvent,
} from "dixa-beta/webhooks";

export interface WebhookSummary {
  eventFqn: string;
  csid: number | undefined;
  duplicate: boolean;
  tampered: string | undefined;
  subscribedAs: string;
}

const handled = [
  "ConversationMessageAdded",
] as const satisfies readonly DixaSubscriptionEventName[];

export async function runWebhookSample(): Promise<WebhookSummary> {
  const secret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  const receiver = createDixaWebhookReceiver({ secret });
  const { body, headers } = await signDixaWebhook(
    sampleDixaEvent("CONVERSATION_MESSAGE_ADDED"),
    secret,
  );
  const request = new Request("http://localhost/dixa", { method: "POST", body, headers });
  const event: DixaWebhookEvent = await receiver.fromRequest(request);
  let csid: number | undefined;
  if (isKnownDixaEvent(event) && event.event_fqn === "CONVERSATION_MESSAGE_ADDED") {
    csid = event.data.conversation.csid;
  }
  const duplicate = await receiver.isDuplicate(event);
  let tampered: string | undefined;
  try {
    await receiver.constructEvent(body.replace("Message Text", "Message Test"), headers);
  } catch (error) {
    if (isDixaWebhookSignatureError(error)) tampered = error.kind;
    else throw error;
  }
  return {
    eventFqn: event.event_fqn,
    csid,
    duplicate,
    tampered,
    subscribedAs: dixaEventFqn[handled[0]],
  };
}

/** Never called: the published types must reject these, so they are not `any`. */
export function webhookTypesAreStrict(event: DixaWebhookEvent) {
  // @ts-expect-error not a subscription event name
  void dixaEventFqn.NoSuchEvent;
  // @ts-expect-error the secret is a string
  createDixaWebhookReceiver({ secret: 42 });
  if (isKnownDixaEvent(event) && event.event_fqn === "CONVERSATION_TAG_ADDED") {
    // @ts-expect-error a tag-added event carries the tag name, not an object
    void event.data.tag.id;
  }
}
