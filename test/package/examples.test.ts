/**
 * Runs each example in examples/ the way a reader would (`tsx examples/<name>.ts`, no
 * DIXA_API_KEY), so each starts its own Prism mock of the spec, and checks what it prints.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/project-paths.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runExample(file: string, args: string[] = [], dir = "examples"): Promise<Run> {
  const env = { ...process.env };
  delete env["DIXA_API_KEY"];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `${dir}/${file}`, ...args],
      { cwd: projectRoot, env, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe.concurrent("examples against the Prism mock", () => {
  it("npm run demo: bulk notes split, a paged list, a raw call, and a clean exit", async () => {
    const { code, stdout } = await runExample("demo.ts", [], "scripts");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /✓ note #0 "Customer called back; issue resolved\." created as [0-9a-f-]{36}/,
    );
    expect(stdout).toMatch(/✗ note #1 "Follow up next week about the refund\." rejected by Dixa: /);
    expect(stdout).toMatch(/4 agent\(s\) in all/);
    expect(stdout).toMatch(
      /organization Example Organization \(e9609fa9-efff-4fdc-a7ef-dd335f33c5f6\)/,
    );
    expect(stdout.trim().endsWith("Demo finished.")).toBe(true);
  });

  it("bulk-notes-from-csv parses quoted fields and reports each row's outcome", async () => {
    const { code, stdout, stderr } = await runExample("bulk-notes-from-csv.ts");
    expect(stderr).toContain("Prism mock");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    // Prism's example answer for a bulk request of two: the first created, the second refused.
    expect(lines).toEqual([
      expect.stringMatching(
        /^row 1 \(4711, "Customer called back; issue resolved, refund approved\."\): created note [0-9a-f-]{36}$/,
      ),
      expect.stringMatching(
        /^row 2 \(4711, "Follow up next week about the \\"express\\" refund\."\): failed: .+/,
      ),
      expect.stringMatching(
        /^row 3 \(4712, "New delivery address:\\nNørregade 1, 1165 København K"\): created note /,
      ),
      expect.stringMatching(/^row 4 \(4712, "Asked for the invoice again"\): failed: /),
      "2 created, 2 failed, 0 skipped",
    ]);
  });

  it("bulk-notes-from-csv skips rows it cannot send and reads a file given as argument", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dixa-csv-"));
    try {
      const csv = join(dir, "notes.csv");
      // A byte-order mark, CRLF line ends, a row without a valid id and one without a message.
      await writeFile(
        csv,
        "\uFEFFconversationId,message,agentId\r\n4711,First,\r\nabc,No id,\r\n4711,Second,\r\n4711,,\r\n",
      );
      const { code, stdout } = await runExample("bulk-notes-from-csv.ts", [csv]);
      expect(code).toBe(0);
      expect(stdout.trim().split("\n")).toEqual([
        "row 2: skipped (needs a conversationId and a message)",
        "row 4: skipped (needs a conversationId and a message)",
        expect.stringMatching(/^row 1 \(4711, "First"\): created note /),
        expect.stringMatching(/^row 3 \(4711, "Second"\): failed: /),
        "1 created, 1 failed, 2 skipped",
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("export-conversation-notes writes JSON lines to stdout, and to a file with --out", async () => {
    const toStdout = await runExample("export-conversation-notes.ts");
    expect(toStdout.code).toBe(0);
    const notes = toStdout.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { conversationId: number; id: string; message: string });
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      expect(note).toMatchObject({
        conversationId: 4711,
        id: expect.any(String),
        message: expect.any(String),
      });
    }
    expect(toStdout.stderr).toContain(
      `${notes.length} note(s) of conversation 4711 written to stdout`,
    );

    const dir = await mkdtemp(join(tmpdir(), "dixa-export-"));
    try {
      const out = join(dir, "notes.jsonl");
      const toFile = await runExample("export-conversation-notes.ts", ["4711", "--out", out]);
      expect(toFile.code).toBe(0);
      expect(toFile.stdout).toBe("");
      expect(await readFile(out, "utf8")).toBe(toStdout.stdout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("iterate-agents lists every agent, and stops early with --max", async () => {
    const all = await runExample("iterate-agents.ts");
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split("\n");
    const count = Number(/^(\d+) agent\(s\)$/.exec(lines.at(-1)!)?.[1]);
    expect(count).toBeGreaterThan(1);
    expect(lines.slice(0, -1)).toHaveLength(count);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^.+ <.+> [0-9a-f-]{36}$/);

    const one = await runExample("iterate-agents.ts", ["--max", "1"]);
    expect(one.code).toBe(0);
    expect(one.stdout.trim().split("\n")).toEqual([lines[0], "1 agent(s)"]);
  });

  it("an example that fails says why and exits non-zero", async () => {
    const { code, stderr } = await runExample("iterate-agents.ts", ["--max", "lots"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--max must be a number");
  });
});
