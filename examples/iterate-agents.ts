/**
 * Iterate over every agent with `for await`: the client fetches pages lazily, one at a time, as
 * the loop consumes them, following Dixa's `meta.next`. Breaking out of the loop fetches no more.
 *
 *   npx tsx examples/iterate-agents.ts [--max N]
 */
import { parseArgs } from "node:util";
import { runExample } from "./lib/example-client.js";

runExample("iterate-agents", async ({ client }) => {
  const { values } = parseArgs({ options: { max: { type: "string" } } });
  const max = values.max === undefined ? Infinity : Number(values.max);
  if (!(max >= 0)) throw new Error(`--max must be a number of agents, got ${values.max}`);

  let count = 0;
  for await (const agent of client.agents.list({ pageLimit: 100 })) {
    if (count >= max) break; // stops paging: the next page is never requested
    console.log(`${agent.displayName ?? "(no name)"} <${agent.email ?? "no email"}> ${agent.id}`);
    count++;
  }
  console.log(`${count} agent(s)`);
});
