/**
 * How each example gets its client. With DIXA_API_KEY set it talks to the real Dixa API
 * (DIXA_BASE_URL changes the host). Without it, it uses the Dixa sandbox (Prism with a Dixa-like
 * layer in front, see README "The sandbox"): the one at DIXA_SANDBOX_URL when set (the examples
 * test shares one), else one it starts on loopback (no token, no network) and stops when the
 * example ends, also on Ctrl-C or error.
 * Status lines go to stderr, so an example's stdout stays its output.
 */
import { createDixaClient, type DixaClient, type DixaClientOptions } from "../../src/index.js"; // in your code: "dixa-beta"
import { startSandboxProcess, type SandboxProcess } from "../../scripts/lib/sandbox-process.js";

export interface ExampleContext {
  client: DixaClient;
  /** True when running against the sandbox rather than the real API. */
  mock: boolean;
  /** The sandbox's URL (its control endpoints live under `/__sandbox/`); undefined for the real API. */
  sandboxUrl: string | undefined;
  /** Another client for the same API, e.g. with other limits or another token. */
  createClient(overrides: Partial<DixaClientOptions>): DixaClient;
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
    const base: DixaClientOptions = {
      apiKey,
      baseUrl: process.env["DIXA_BASE_URL"],
      userAgent: name,
    };
    const createClient = (overrides: Partial<DixaClientOptions>) =>
      createDixaClient({ ...base, ...overrides });
    await main({ client: createClient({}), mock: false, sandboxUrl: undefined, createClient });
    return;
  }
  const shared = process.env["DIXA_SANDBOX_URL"];
  let sandbox: SandboxProcess | undefined;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the sandbox`);
    void (sandbox?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    let sandboxUrl: string;
    if (shared) {
      console.error(`No DIXA_API_KEY: using the Dixa sandbox at ${shared} (Prism mock behind it)`);
      sandboxUrl = shared;
    } else {
      console.error(
        "No DIXA_API_KEY: starting the Dixa sandbox (Prism mock behind it) on loopback",
      );
      sandbox = await startSandboxProcess();
      sandboxUrl = sandbox.url;
    }
    // Any token passes Prism's security check; the sandbox gives each token its own rate limit.
    const base: DixaClientOptions = {
      apiKey: "example-token",
      baseUrl: sandboxUrl,
      userAgent: name,
    };
    const createClient = (overrides: Partial<DixaClientOptions>) =>
      createDixaClient({ ...base, ...overrides });
    await main({ client: createClient({}), mock: true, sandboxUrl, createClient });
  } finally {
    await sandbox?.stop();
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
  }
}
