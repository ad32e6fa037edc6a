/**
 * Export a conversation's internal notes as JSON lines (one note per line), to stdout or a file.
 *
 *   npx tsx examples/export-conversation-notes.ts [conversationId] [--out notes.jsonl]
 *
 * The conversation id defaults to 4711 against the sandbox; against the real API, name one.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { runExample } from "./lib/example-client.js";

runExample("export-conversation-notes", async ({ client, mock }) => {
  const { values, positionals } = parseArgs({
    options: { out: { type: "string", short: "o" } },
    allowPositionals: true,
  });
  const conversationId = Number(positionals[0] ?? (mock ? 4711 : NaN));
  if (!Number.isSafeInteger(conversationId) || conversationId <= 0) {
    throw new Error("name the conversation: export-conversation-notes <conversationId>");
  }

  const notes = await client.notes.list(conversationId);

  // JSON lines: each note as one line of JSON, easy to append, grep, or read with `jq -c`.
  const lines = notes.map((note) => `${JSON.stringify({ conversationId, ...note })}\n`).join("");
  if (values.out === undefined) process.stdout.write(lines);
  else await writeFile(values.out, lines);
  console.error(
    `${notes.length} note(s) of conversation ${conversationId} written to ${values.out ?? "stdout"}`,
  );
});
