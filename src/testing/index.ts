/**
 * dixa-beta/testing: an in-process imitation of the Dixa API for your own tests, with no
 * network, no Prism and no port. Runs wherever `fetch` does.
 *
 * ```ts
 * import { createDixaClient } from "dixa-beta";
 * import { createDixaSandbox } from "dixa-beta/testing";
 *
 * const sandbox = createDixaSandbox();
 * const dixa = createDixaClient({ apiKey: "test-token", fetch: sandbox.fetch });
 * ```
 *
 * @module
 */
export { createDixaSandbox, type DixaSandbox } from "./sandbox.js";
export type { DixaSandboxOptions, SandboxFaults, SandboxRequest } from "./sandbox-core.js";
export { sandboxFaultHeader, type QueuedFault, type SandboxFault } from "./faults.js";
export type { SandboxDeviation } from "./deviations.js";
export { sandboxId } from "./sandbox-data.js";
export type { SandboxAgent, SandboxEndUser, SandboxNote } from "./sandbox-state.js";
export { dixaSandboxHandlers, type MswHttp } from "./msw.js";
