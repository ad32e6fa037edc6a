/**
 * Bulk-create internal notes from a CSV file, one bulk request per conversation, and report
 * each row's fate.
 *
 *   npx tsx examples/bulk-notes-from-csv.ts [file.csv]   (default, against the sandbox only: notes.csv)
 *
 * The file has a header row `conversationId,message,agentId` (agentId may be empty). Fields
 * follow RFC 4180: quoted fields may hold commas, doubled quotes ("") and line breaks. Against
 * the sandbox, a note signed by an agentId that is not one of its agents is refused (rows 2 and
 * 4 of the sample), the others are created.
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { CreateNoteInput } from "../src/index.js"; // in your code: "dixa-beta"
import { runExample } from "./lib/example-client.js";

interface Row {
  conversationId: string;
  message: string;
  agentId?: string;
}

runExample("bulk-notes-from-csv", async ({ client, mock }) => {
  // The sample file's conversation ids are made up: only the sandbox gets them by default.
  if (!mock && process.argv[2] === undefined) {
    throw new Error("against the real API, name your CSV file: bulk-notes-from-csv <file.csv>");
  }
  const file = process.argv[2] ?? new URL("notes.csv", import.meta.url);
  const rows: Row[] = parse(await readFile(file, "utf8"), {
    columns: true, // objects keyed by the header row
    bom: true, // tolerate the byte-order mark spreadsheet programs write
    skip_empty_lines: true,
  });

  // Group rows by conversation, remembering each row's number (1 = first row after the header).
  const byConversation = new Map<number, { row: number; note: CreateNoteInput }[]>();
  let skipped = 0;
  rows.forEach(({ conversationId, message, agentId }, i) => {
    const id = Number(conversationId);
    if (!Number.isSafeInteger(id) || id <= 0 || !message?.trim()) {
      console.log(`row ${i + 1}: skipped (needs a conversationId and a message)`);
      skipped++;
      return;
    }
    const note: CreateNoteInput = agentId ? { message, agentId } : { message };
    const group = byConversation.get(id) ?? [];
    group.push({ row: i + 1, note });
    byConversation.set(id, group);
  });

  let created = 0;
  let failed = 0;
  for (const [conversationId, group] of byConversation) {
    // At most 100 notes per request; a request that fails as a whole fails its notes only.
    const { successes, failures } = await client.notes.createMany(
      conversationId,
      group.map((g) => g.note),
      { chunkSize: 100 },
    );
    // `index` is the position in the array sent, so it leads back to the CSV row.
    const report = [
      ...successes.map((s) => ({ index: s.index, outcome: `created note ${s.data.id}` })),
      ...failures.map((f) => ({ index: f.index, outcome: `failed: ${f.error.message}` })),
    ].sort((a, b) => a.index - b.index);
    for (const { index, outcome } of report) {
      const { row, note } = group[index]!;
      console.log(`row ${row} (${conversationId}, ${JSON.stringify(note.message)}): ${outcome}`);
    }
    created += successes.length;
    failed += failures.length;
  }
  console.log(`${created} created, ${failed} failed, ${skipped} skipped`);
});
