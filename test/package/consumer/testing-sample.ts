/**
 * A consumer of `dixa-beta/testing`, the way the README's "Testing your code" shows: the
 * in-process sandbox, no network. Typechecked under NodeNext and Bundler like sample.ts, and run
 * by main.ts. MSW is not installed here (its own types want the DOM library, which the NodeNext
 * project lacks); a stand-in with the shape of its `http.all` shows the handler helper's typing.
 */
import { createDixaClient } from "dixa-beta";
import {
  createDixaSandbox,
  dixaSandboxHandlers,
  type DixaSandbox,
  type SandboxRequest,
} from "dixa-beta/testing";

/** The shape of MSW's `http` namespace that dixaSandboxHandlers uses. */
const http = {
  all: (path: string, resolver: (info: { request: Request }) => Promise<Response>) => ({
    path,
    resolver,
  }),
};

export interface TestingSummary {
  sandboxBulkSuccesses: number[];
  sandboxBulkFailures: number[];
  sandboxPages: number[];
  sandboxStatuses: Array<SandboxRequest["status"]>;
  mswHandlers: number;
}

export async function runTestingSample(): Promise<TestingSummary> {
  const sandbox: DixaSandbox = createDixaSandbox({ listSize: 5 });
  const dixa = createDixaClient({ apiKey: "consumer-test-token", fetch: sandbox.fetch });
  const { successes, failures } = await dixa.notes.createMany(4711, [
    { message: "First" },
    { message: "Second", agentId: "00000000-0000-4000-8000-00000000dead" },
  ]);
  const sandboxPages: number[] = [];
  for await (const page of dixa.agents.list({ pageLimit: 2 }).pages()) {
    sandboxPages.push(page.items.length);
  }
  sandbox.faults.next({ status: 503 });
  await dixa.organization.get(); // retried after the 503
  return {
    sandboxBulkSuccesses: successes.map((s) => s.index),
    sandboxBulkFailures: failures.map((f) => f.index),
    sandboxPages,
    sandboxStatuses: sandbox.requests.map((r) => r.status),
    mswHandlers: dixaSandboxHandlers(sandbox, http).length,
  };
}
