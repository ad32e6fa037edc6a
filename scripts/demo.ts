/**
 * `npm run demo`: the client's main job on an embedded default. Without DIXA_API_KEY it starts
 * the Dixa sandbox on loopback (Prism serving the spec snapshot, with a Dixa-like layer in front:
 * bulk outcomes per input, paging, the rate limit, faults; no token, no network), runs
 * examples/demo.ts against it and shuts it down, also on Ctrl-C or error. With DIXA_API_KEY it
 * talks to the real API (DIXA_BASE_URL to override the host); it writes notes only when
 * DIXA_DEMO_CONVERSATION_ID names a conversation.
 */
import { runDemo } from "../examples/demo.js";
import { runExample } from "../examples/lib/example-client.js";

/** Any conversation id will do for the sandbox: Prism accepts any integer. */
const sandboxConversationId = 4711;

runExample("demo", async ({ client, createClient, mock, sandboxUrl }) => {
  const chosen = process.env["DIXA_DEMO_CONVERSATION_ID"];
  const conversationId = mock
    ? sandboxConversationId
    : chosen === undefined
      ? undefined
      : Number(chosen);
  console.log(
    mock
      ? "Running the demo against the Dixa sandbox (Prism mock of the spec, Dixa-like layer in front)\n"
      : "Running the demo against the real Dixa API\n",
  );
  await runDemo({ client, createClient, sandboxUrl, conversationId });
  console.log("\nDemo finished.");
});
