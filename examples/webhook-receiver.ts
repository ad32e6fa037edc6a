/**
 * A small Dixa webhook receiver on plain `node:http`: it verifies each delivery's signature,
 * skips redeliveries of an event it has already handled, and handles two event types (a message
 * added, a conversation closed); other events are acknowledged and ignored.
 *
 *   DIXA_WEBHOOK_SECRET=<the subscription's secretKey> npx tsx examples/webhook-receiver.ts
 *
 * It listens on PORT (default 3000) at POST /dixa/webhooks. Subscribe to the same two events:
 * `dixa.webhooks.create({ ..., events: [...handledEvents] })`.
 *
 * `receiver.nodeHandler` does the answering: 200 once an event is handled, and for a duplicate
 * or an event this receiver does not handle (so Dixa does not retry it); 401 for a delivery
 * that fails verification; 400 for one that is not an event; 413 for a body over the cap; 500
 * when handling failed (the event's claim is released, so Dixa's redelivery is handled afresh).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import {
  createDixaWebhookReceiver,
  dixaEventFqn,
  isDixaEvent,
  type DixaSubscriptionEventName,
  type DixaWebhookEventNamed,
} from "../src/webhooks/index.js"; // in your code: "dixa-beta/webhooks"

/** The events this receiver handles, by their subscription names. */
export const handledEvents = [
  "ConversationMessageAdded",
  "ConversationClosed",
] as const satisfies readonly DixaSubscriptionEventName[];

export interface Handlers {
  ConversationMessageAdded(event: DixaWebhookEventNamed<"ConversationMessageAdded">): Promise<void>;
  ConversationClosed(event: DixaWebhookEventNamed<"ConversationClosed">): Promise<void>;
}

/** What the example does with the two events: one line each on stdout. */
export const logHandlers: Handlers = {
  async ConversationMessageAdded({ data }) {
    const from = data.author.name ?? data.author.email ?? data.author.id;
    console.log(
      `conversation ${data.conversation.csid}: ${data.direction} ${data.channel} message from ${from}: ${JSON.stringify(data.text.slice(0, 80))}`,
    );
  },
  async ConversationClosed({ data }) {
    console.log(`conversation ${data.conversation.csid} closed`);
  },
};

export interface ReceiverOptions {
  secret: string;
  port?: number;
  handlers?: Handlers;
  maxBodyBytes?: number;
  /** Where refusals and failures are reported (default: stderr). */
  logError?: (line: string) => void;
}

export interface RunningReceiver {
  /** e.g. http://127.0.0.1:3000/dixa/webhooks */
  url: string;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const handlers = options.handlers ?? logHandlers;
  const logError = options.logError ?? ((line: string) => console.error(line));
  // Checks the secret now: a mistyped one stops the server from starting.
  const receiver = createDixaWebhookReceiver({
    secret: options.secret,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  const handle = receiver.nodeHandler(
    async (event) => {
      if (isDixaEvent(event, dixaEventFqn.ConversationMessageAdded)) {
        await handlers.ConversationMessageAdded(event);
      } else if (isDixaEvent(event, dixaEventFqn.ConversationClosed)) {
        await handlers.ConversationClosed(event);
      }
      // Any other event: acknowledged, nothing to do.
    },
    {
      onError: (error, answer) =>
        logError(
          answer.status >= 500
            ? `handling ${answer.eventFqn} ${answer.eventId} failed: ${String(error)}`
            : `refused a delivery: ${answer.status} ${answer.reason}`,
        ),
    },
  );

  const server = createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/dixa/webhooks") {
      response.writeHead(404, { "content-type": "text/plain" });
      return void response.end("not found");
    }
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 3000, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dixa/webhooks`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// Run directly (not imported by the tests): start and keep listening until Ctrl-C.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const secret = process.env["DIXA_WEBHOOK_SECRET"];
  if (!secret) {
    console.error("set DIXA_WEBHOOK_SECRET to the subscription's secretKey");
    process.exit(1);
  }
  startWebhookReceiver({ secret, port: Number(process.env["PORT"] ?? 3000) }).then(
    ({ url }) => console.log(`listening on ${url}`),
    (error: unknown) => {
      console.error(
        `webhook-receiver failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
