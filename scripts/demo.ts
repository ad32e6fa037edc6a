/**
 * `npm run demo`: the client's main job on an embedded default. Without DIXA_API_KEY it starts
 * a Prism mock of the spec snapshot on loopback (no token, no network), runs examples/demo.ts
 * against it and shuts Prism down, also on Ctrl-C or error. With DIXA_API_KEY it talks to the
 * real API (DIXA_BASE_URL to override the host); it writes notes only when
 * DIXA_DEMO_CONVERSATION_ID names a conversation.
 */
import { runDemo } from "../examples/demo.js";
import { createDixaClient } from "../src/index.js";
import { startPrism, type PrismServer } from "./lib/prism.js";

const mockConversationId = 4711;

async function main(): Promise<number> {
  const apiKey = process.env["DIXA_API_KEY"];
  if (apiKey) {
    const raw = process.env["DIXA_DEMO_CONVERSATION_ID"];
    const conversationId = raw === undefined ? undefined : Number(raw);
    console.log("Running the demo against the real Dixa API");
    const client = createDixaClient({
      apiKey,
      baseUrl: process.env["DIXA_BASE_URL"],
      userAgent: "demo",
    });
    await runDemo(client, { conversationId });
    return 0;
  }

  console.log("No DIXA_API_KEY: starting a Prism mock of openapi/dixa-beta.yaml on loopback...");
  let prism: PrismServer | undefined;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the mock server`);
    void (prism?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    prism = await startPrism();
    console.log(`Prism is serving the spec at ${prism.url}\n`);
    // Prism checks each request against the spec; any token satisfies its security check.
    const client = createDixaClient({
      apiKey: "demo-token",
      baseUrl: prism.url,
      userAgent: "demo",
    });
    await runDemo(client, { conversationId: mockConversationId });
    console.log("\nDemo finished.");
    return 0;
  } finally {
    await prism?.stop();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
