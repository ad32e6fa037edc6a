// A small app written against the facade; its twin raw-consumer.ts does the same through client.raw.
import { createDixaClient, isDixaApiError } from "../../src/index.js";

export async function main(apiKey: string): Promise<string[]> {
  const dixa = createDixaClient({ apiKey });
  const lines: string[] = [];
  const note = await dixa.notes.create(4711, { message: "Called back" });
  lines.push(note.id);
  const { successes, failures } = await dixa.notes.createMany(4711, [
    { message: "a" },
    { message: "b" },
  ]);
  for (const s of successes) lines.push(`${s.index} ${s.data.id}`);
  for (const f of failures) lines.push(`${f.index} ${f.error.message}`);
  for await (const agent of dixa.agents.list({ pageLimit: 100 })) lines.push(agent.displayName);
  const conversation = await dixa.conversations.get(4711);
  lines.push(String(conversation.id));
  const team = await dixa.teams.get("9e688c58-a548-3b8e-af69-c9e1005ad0bf");
  lines.push(team.name);
  try {
    await dixa.tags.list();
  } catch (error) {
    if (isDixaApiError(error)) lines.push(String(error.status));
  }
  return lines;
}
