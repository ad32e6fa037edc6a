import { toResponse } from "./answer.js";
import {
  createSandboxCore,
  type Baseline,
  type DixaSandboxOptions,
  type SandboxFaults,
  type SandboxRequest,
} from "./sandbox-core.js";
import type { SandboxAgent, SandboxNote } from "./sandbox-state.js";
import { staticAnswer } from "./static-answers.js";

/** An in-process imitation of the Dixa API for your tests: no network, no Prism, no port. */
export interface DixaSandbox {
  /**
   * A standard `fetch` answered by the sandbox. Hand it to the client with the `fetch` option;
   * any origin is accepted, so `baseUrl` may stay the default. A reset fault rejects it with a
   * `TypeError`, as a dropped connection rejects `fetch`.
   */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Every request received since creation or `reset()`, oldest first. */
  readonly requests: readonly SandboxRequest[];
  /** Queue faults for coming requests: `sandbox.faults.next({ status: 503 })`. */
  readonly faults: SandboxFaults;
  /** The sandbox's agents (also what `GET /beta/agents` pages through). */
  readonly agents: readonly SandboxAgent[];
  /** A conversation's notes as `GET .../notes` would list them now. */
  notes(conversationId: number): SandboxNote[];
  /** Forgets requests, queued faults, rate-limit buckets and everything created. */
  reset(): void;
}

/**
 * Creates an in-process sandbox that behaves like Dixa where the spec's examples cannot:
 * bulk calls answer one outcome per input, paged lists page, each API token gets Dixa's rate
 * limit (429 with Retry-After), faults come on request, and notes created are listed
 * afterwards. Elsewhere it answers like Prism's static mode, with the spec's examples.
 *
 * ```ts
 * import { createDixaClient } from "dixa-beta";
 * import { createDixaSandbox } from "dixa-beta/testing";
 *
 * const sandbox = createDixaSandbox();
 * const dixa = createDixaClient({ apiKey: "test-token", fetch: sandbox.fetch });
 * ```
 */
export function createDixaSandbox(options: DixaSandboxOptions = {}): DixaSandbox {
  const core = createSandboxCore(options);
  const baseline: Baseline = async ({ url, headers }, { route, pathExists }) =>
    toResponse(
      staticAnswer(route, pathExists, url.pathname, (headers.get("authorization") ?? "") !== ""),
    );

  const sandboxFetch = async (input: Request | string | URL, init?: RequestInit) => {
    // The client calls fetch(request, { signal }): keep its Request rather than copy it.
    const onlySignal =
      input instanceof Request &&
      init !== undefined &&
      Object.keys(init).every((key) => key === "signal");
    const request = onlySignal ? input : new Request(input, init);
    const signal = (onlySignal ? init.signal : undefined) ?? request.signal;
    if (signal.aborted) throw signal.reason;
    const outcome = await core.handle(request, baseline, signal);
    if ("reset" in outcome) {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("the sandbox reset the connection (a fault asked for)"), {
          code: "ECONNRESET",
        }),
      });
    }
    return outcome.response;
  };

  return {
    fetch: sandboxFetch,
    get requests() {
      return core.requests;
    },
    faults: core.faults,
    get agents() {
      return core.agents;
    },
    notes: (conversationId) => core.notes(conversationId),
    reset: () => core.reset(),
  };
}
