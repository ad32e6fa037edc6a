// The same small app as facade-consumer.ts, written against client.raw (openapi-fetch).
import { createDixaClient } from "../../src/index.js";

export async function main(apiKey: string): Promise<string[]> {
  const { raw } = createDixaClient({ apiKey });
  const lines: string[] = [];
  const conversationId = 4711;
  const created = await raw.POST("/beta/conversations/{conversationId}/notes", {
    params: { path: { conversationId } },
    body: { message: "Called back" },
  });
  if (created.data) lines.push(created.data.data.id);
  const bulk = await raw.POST("/beta/conversations/{conversationId}/notes/bulk", {
    params: { path: { conversationId } },
    body: { data: [{ message: "a" }, { message: "b" }] },
  });
  for (const outcome of bulk.data?.data ?? []) {
    if ("data" in outcome) lines.push(outcome.data.id);
    else lines.push(outcome.error.message);
  }
  let pageKey: string | undefined;
  do {
    const page = await raw.GET("/beta/agents", { params: { query: { pageLimit: 100, pageKey } } });
    for (const agent of page.data?.data ?? []) lines.push(agent.displayName);
    const next = page.data?.meta?.next;
    pageKey = next
      ? (new URL(next, "https://dev.dixa.io").searchParams.get("pageKey") ?? undefined)
      : undefined;
  } while (pageKey);
  const conversation = await raw.GET("/beta/conversations/{conversationId}", {
    params: { path: { conversationId } },
  });
  if (conversation.data) lines.push(String(conversation.data.data.id));
  const team = await raw.GET("/beta/teams/{teamId}", {
    params: { path: { teamId: "9e688c58-a548-3b8e-af69-c9e1005ad0bf" } },
  });
  if (team.data) lines.push(team.data.data.name);
  const tags = await raw.GET("/beta/tags");
  if (tags.error) lines.push(String(tags.response.status));
  return lines;
}
