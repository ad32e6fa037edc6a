/**
 * How each example gets its client. With DIXA_API_KEY set it talks to the real Dixa API
 * (DIXA_BASE_URL changes the host); without it, it starts a Prism mock of the spec snapshot on
 * loopback (no token, no network) and stops it when the example ends, also on Ctrl-C or error.
 * Status lines go to stderr, so an example's stdout stays its output.
 */
import { createDixaClient, type DixaClient } from "../../src/index.js"; // in your code: "dixa-beta"
import { startPrism, type PrismServer } from "../../scripts/lib/prism.js";

export interface ExampleContext {
  client: DixaClient;
  /** True when running against the Prism mock, whose answers are the spec's examples. */
  mock: boolean;
}

export function runExample(name: string, main: (context: ExampleContext) => Promise<void>): void {
  run(name, main).then(
    () => undefined,
    (error: unknown) => {
      console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

async function run(name: string, main: (context: ExampleContext) => Promise<void>) {
  const apiKey = process.env["DIXA_API_KEY"];
  if (apiKey) {
    const client = createDixaClient({
      apiKey,
      baseUrl: process.env["DIXA_BASE_URL"],
      userAgent: name,
    });
    await main({ client, mock: false });
    return;
  }
  console.error("No DIXA_API_KEY: using a Prism mock of openapi/dixa-beta.yaml on loopback");
  let prism: PrismServer | undefined;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the mock server`);
    void (prism?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    prism = await startPrism();
    // Prism checks each request against the spec; any token passes its security check.
    const client = createDixaClient({
      apiKey: "example-token",
      baseUrl: prism.url,
      userAgent: name,
    });
    await main({ client, mock: true });
  } finally {
    await prism?.stop();
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
  }
}
