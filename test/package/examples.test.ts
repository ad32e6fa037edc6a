/**
 * Runs each example in examples/ the way a reader would (`tsx examples/<name>.ts`, no
 * DIXA_API_KEY) and checks what it prints. `npm run demo` starts its own sandbox, as on a fresh
 * clone; the other examples share one sandbox started here (DIXA_SANDBOX_URL), reset before each
 * run, and all run one after another: each is a Node process compiling TypeScript, and several
 * at once (each with its own Prism) overran a shared 2-core machine.
 *
 * Time limits come from measurement on the shared 2-core machine (load average 9 to 11, a
 * CPU-bound process running beside): an example against the shared sandbox took up to 4.5 s,
 * the demo (its sandbox and Prism starting included) up to 25 s, the shared sandbox's start
 * about 12 s; the limits below are seven times that or more.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/project-paths.js";
import { startSandboxServer, type SandboxServer } from "../../scripts/lib/sandbox-server.js";

const exampleTimeoutMs = 60_000;
const demoTimeoutMs = 180_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let sandbox: SandboxServer;

beforeAll(async () => {
  // More agents than one page of iterate-agents (pageLimit 100) holds, so it pages.
  sandbox = await startSandboxServer({ listSize: 150 });
}, 180_000);

afterAll(() => sandbox?.stop());

beforeEach(async () => {
  const reset = await fetch(`${sandbox.url}/__sandbox/reset`, { method: "POST" });
  expect(reset.status).toBe(204);
});

function runExample(
  file: string,
  args: string[] = [],
  { dir = "examples", shared = true, timeout = exampleTimeoutMs } = {},
): Promise<Run> {
  const env = { ...process.env };
  delete env["DIXA_API_KEY"];
  delete env["DIXA_SANDBOX_URL"];
  if (shared) env["DIXA_SANDBOX_URL"] = sandbox.url;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `${dir}/${file}`, ...args],
      { cwd: projectRoot, env, timeout },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe("examples against the Dixa sandbox", () => {
  it(
    "npm run demo starts its own sandbox: pages, 25 notes, the limiter side by side, a retried 503, a typed error",
    async () => {
      const { code, stdout, stderr } = await runExample("demo.ts", [], {
        dir: "scripts",
        shared: false,
        timeout: demoTimeoutMs,
      });
      expect(stderr).toContain("starting the Dixa sandbox");
      expect(code).toBe(0);
      // Three pages of two agents, the last without a next link.
      expect(stdout).toMatch(/page 1: Agent 0, Agent 1 {3}\(meta\.next names the next page\)/);
      expect(stdout).toMatch(/page 2: Agent 2, Agent 3 {3}\(meta\.next names the next page\)/);
      expect(stdout).toMatch(/page 3: Agent 4, Agent 5\n/);
      // 25 notes: every fifth (signed by an unknown agent) refused, each line naming its input.
      for (let i = 0; i < 25; i++) {
        const outcome =
          i % 5 === 4
            ? `✗ refused: An agent with id:00000000-0000-4000-8000-00000000dead cannot be found in org.`
            : "✓ created as ";
        expect(stdout).toContain(`#${i} "Follow-up ${i + 1} of 25" ${outcome}`);
      }
      expect(stdout).toContain("20 created, 5 refused, each tied to its input");
      expect(stdout).toContain("notes.list(4711): 22 notes, 20 of them just created");
      expect(stdout).toMatch(/the same 40 raw \(no limiter, no retry\): \d+ OK, \d+ × 429 seen/);
      const raw = /the same 40 raw \(no limiter, no retry\): (\d+) OK, (\d+) × 429 seen/.exec(
        stdout,
      )!;
      expect(Number(raw[1]) + Number(raw[2])).toBe(40);
      expect(Number(raw[2])).toBeGreaterThan(0);
      // Through the client: every call succeeds (429s the limiter could not avoid get retried).
      expect(stdout).toMatch(/through the client's limiter: 40 OK, \d+ × 429 seen/);
      expect(stdout).toContain(
        "answers seen: 503, 200; the client retried the GET and got Example Organization",
      );
      expect(stdout).toMatch(
        /organization Example Organization \(e9609fa9-efff-4fdc-a7ef-dd335f33c5f6\)/,
      );
      // One typed error handled: narrowed by error.kind, its message naming the path sent.
      expect(stdout).toContain(
        'DixaApiError 404 (kind "api"): Dixa answered 404 to GET /beta/agents/00000000-0000-4000-8000-00000000dead: ',
      );
      expect(stdout.trim().endsWith("Demo finished.")).toBe(true);
    },
    demoTimeoutMs + 10_000,
  );

  it(
    "bulk-notes-from-csv parses quoted fields and reports each row's outcome",
    async () => {
      const { code, stdout, stderr } = await runExample("bulk-notes-from-csv.ts");
      expect(stderr).toContain(`using the Dixa sandbox at ${sandbox.url}`);
      expect(code).toBe(0);
      const lines = stdout.trim().split("\n");
      // The sample's rows 2 and 4 are signed by an agent the sandbox does not have.
      expect(lines).toEqual([
        expect.stringMatching(
          /^row 1 \(4711, "Customer called back; issue resolved, refund approved\."\): created note [0-9a-f-]{36}$/,
        ),
        'row 2 (4711, "Follow up next week about the \\"express\\" refund."): failed: An agent with id:a53b25da-f676-4c52-acac-58c9280aa23d cannot be found in org.',
        expect.stringMatching(
          /^row 3 \(4712, "New delivery address:\\nNørregade 1, 1165 København K"\): created note /,
        ),
        expect.stringMatching(/^row 4 \(4712, "Asked for the invoice again"\): failed: An agent /),
        "2 created, 2 failed, 0 skipped",
      ]);
    },
    exampleTimeoutMs + 10_000,
  );

  it(
    "bulk-notes-from-csv skips rows it cannot send and reads a file given as argument",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "dixa-csv-"));
      try {
        const csv = join(dir, "notes.csv");
        // A byte-order mark, CRLF line ends, a row without a valid id, one without a message,
        // and one signed by an agent the sandbox does not have.
        await writeFile(
          csv,
          "\uFEFFconversationId,message,agentId\r\n4711,First,\r\nabc,No id,\r\n4711,Second,00000000-0000-4000-8000-00000000dead\r\n4711,,\r\n",
        );
        const { code, stdout } = await runExample("bulk-notes-from-csv.ts", [csv]);
        expect(code).toBe(0);
        expect(stdout.trim().split("\n")).toEqual([
          "row 2: skipped (needs a conversationId and a message)",
          "row 4: skipped (needs a conversationId and a message)",
          expect.stringMatching(/^row 1 \(4711, "First"\): created note /),
          expect.stringMatching(/^row 3 \(4711, "Second"\): failed: An agent with id:/),
          "1 created, 1 failed, 2 skipped",
        ]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    exampleTimeoutMs + 10_000,
  );

  it(
    "export-conversation-notes writes JSON lines to stdout, and to a file with --out",
    async () => {
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
    },
    2 * exampleTimeoutMs + 10_000,
  );

  it(
    "export-conversation-notes lists the notes the CSV example created (the sandbox keeps them)",
    async () => {
      expect((await runExample("bulk-notes-from-csv.ts")).code).toBe(0);
      const { code, stdout } = await runExample("export-conversation-notes.ts");
      expect(code).toBe(0);
      const messages = stdout
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { message: string }).message);
      expect(messages).toContain("Customer called back; issue resolved, refund approved.");
      expect(messages).not.toContain('Follow up next week about the "express" refund.');
    },
    2 * exampleTimeoutMs + 10_000,
  );

  it(
    "iterate-agents lists every agent across pages, and stops early with --max",
    async () => {
      const all = await runExample("iterate-agents.ts");
      expect(all.code).toBe(0);
      const lines = all.stdout.trim().split("\n");
      expect(lines.at(-1)).toBe(`${sandbox.core.agents.length} agent(s)`);
      expect(lines.slice(0, -1)).toEqual(
        sandbox.core.agents.map((a) => `${a.displayName} <${a.email}> ${a.id}`),
      );

      const one = await runExample("iterate-agents.ts", ["--max", "1"]);
      expect(one.code).toBe(0);
      expect(one.stdout.trim().split("\n")).toEqual([lines[0], "1 agent(s)"]);
    },
    2 * exampleTimeoutMs + 10_000,
  );

  it(
    "an example that fails says why and exits non-zero",
    async () => {
      const { code, stderr } = await runExample("iterate-agents.ts", ["--max", "lots"]);
      expect(code).toBe(1);
      expect(stderr).toContain("--max must be a number");
    },
    exampleTimeoutMs + 10_000,
  );
});
