/**
 * `npm run demo`: the client's main job on an embedded default. Without DIXA_API_KEY it starts
 * a Prism mock of the spec snapshot on loopback (no token, no network), runs examples/demo.ts
 * against it and shuts Prism down, also on Ctrl-C or error. With DIXA_API_KEY it talks to the
 * real API (DIXA_BASE_URL to override the host); it writes notes only when
 * DIXA_DEMO_CONVERSATION_ID names a conversation.
 */
import { runDemo } from "../examples/demo.js";
import { runExample } from "../examples/lib/example-client.js";

/** Any conversation id will do for Prism, which answers every request with the spec's example. */
const mockConversationId = 4711;

runExample("demo", async ({ client, mock }) => {
  const chosen = process.env["DIXA_DEMO_CONVERSATION_ID"];
  const conversationId = mock
    ? mockConversationId
    : chosen === undefined
      ? undefined
      : Number(chosen);
  console.log(
    mock
      ? "Running the demo against a Prism mock of the API\n"
      : "Running the demo against the real Dixa API\n",
  );
  await runDemo(client, { conversationId });
  console.log("\nDemo finished.");
});
