/**
 * `npm run mock`: the Dixa sandbox on a free loopback port until Ctrl-C. It is Prism serving the
 * spec snapshot (Prism checks every request against the spec) with a thin layer in front that
 * behaves like Dixa where Prism's examples cannot: bulk outcomes per input, paging, the
 * per-token rate limit, faults on request, notes that stay. See README "The sandbox".
 *
 *   npm run mock [-- --port N] [--list-size N] [--no-rate-limit] [--prism-url URL]
 *                [--max-request-bytes N]   (default 10 MiB; a larger body is answered 413)
 *   npm run mock -- --prism-only [--dynamic]     bare Prism, as before the sandbox
 *
 * Started by another process with an IPC channel (scripts/lib/sandbox-process.ts), it reports
 * its URL over IPC and stops when that channel closes, so it never outlives its parent.
 */
import { parseArgs } from "node:util";
import { runCli } from "./lib/cli.js";
import { startPrism } from "./lib/prism.js";
import { startSandboxServer } from "./lib/sandbox-server.js";

runCli("mock", async () => {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "list-size": { type: "string" },
      "max-request-bytes": { type: "string" },
      "no-rate-limit": { type: "boolean" },
      "prism-url": { type: "string" },
      "prism-only": { type: "boolean" },
      dynamic: { type: "boolean" },
    },
    strict: true,
  });
  const number = (flag: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${flag} takes a whole number, got ${raw}`);
    return n;
  };
  let stop: () => Promise<void>;
  if (values["prism-only"]) {
    const prism = await startPrism({ dynamic: values.dynamic === true });
    console.log(`Prism mock of the Dixa beta API listening on ${prism.url} (Ctrl-C to stop)`);
    stop = prism.stop;
  } else {
    const listSize = number("list-size", values["list-size"]);
    const port = number("port", values.port);
    const maxRequestBytes = number("max-request-bytes", values["max-request-bytes"]);
    const sandbox = await startSandboxServer({
      ...(values["prism-url"] === undefined ? {} : { prismUrl: values["prism-url"] }),
      ...(port === undefined ? {} : { port }),
      ...(listSize === undefined ? {} : { listSize }),
      ...(maxRequestBytes === undefined ? {} : { maxRequestBytes }),
      ...(values["no-rate-limit"] ? { rateLimit: false as const } : {}),
    });
    stop = sandbox.stop;
    process.send?.({ url: sandbox.url, prismUrl: sandbox.prismUrl });
    console.log(
      `Dixa sandbox listening on ${sandbox.url} (Prism behind it on ${sandbox.prismUrl})`,
    );
    console.log(
      `  agents: ${sandbox.core.agents.map((a) => a.id).join(", ")}\n` +
        `  controls: POST /__sandbox/faults {"status":503}, POST /__sandbox/reset, GET /__sandbox/requests\n` +
        `  or per request: header x-dixa-sandbox-fault: status=503 | delay=500 | reset\n` +
        `Ctrl-C to stop`,
    );
  }
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
    process.once("disconnect", () => resolve());
  });
  await stop();
  process.disconnect?.();
});
