/**
 * `npm run mock` in a process of its own, sent a 300 MB body: it answers 413 once the body is past
 * its limit (10 MiB), stops reading, and its memory stays far from the body's size. Before, it
 * read the whole body (about 1 GB at its peak) and only then answered.
 *
 * No Prism is needed: `--prism-url` points at a closed port, and a body past the limit is
 * answered before Prism would be asked.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

const bodyBytes = 300 * 1024 * 1024;
let server: ChildProcess;
let url: string;

beforeAll(async () => {
  server = fork("scripts/mock-server.ts", ["--prism-url", "http://127.0.0.1:9"], {
    cwd: projectRoot,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  url = await new Promise<string>((resolve, reject) => {
    server.once("message", (message) => resolve((message as { url: string }).url));
    server.once("exit", (code) => reject(new Error(`npm run mock exited (${code})`)));
  });
});

afterAll(() => {
  server?.kill();
});

/** The most memory the server process has held so far (Linux), in bytes. */
function peakMemory(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** Sends `bodyBytes` of JSON-ish text a megabyte at a time, as fast as the server reads it. */
function sendHugeBody(declareLength: boolean): Promise<{ status: number; sent: number }> {
  const chunk = Buffer.alloc(1024 * 1024, "x");
  let sent = 0;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${url}/beta/conversations/4711/notes`,
      {
        method: "POST",
        headers: {
          authorization: "test-token",
          "content-type": "application/json",
          ...(declareLength ? { "content-length": String(bodyBytes) } : {}),
        },
      },
      (answer) => {
        answer.resume();
        resolve({ status: answer.statusCode ?? 0, sent });
      },
    );
    outgoing.on("error", reject);
    const write = () => {
      while (sent < bodyBytes) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once("drain", write);
      }
      outgoing.end();
    };
    write();
  });
}

describe.skipIf(!existsSync("/proc/self/status"))("npm run mock and a 300 MB body", () => {
  it.each([
    ["with its length declared", true],
    ["sent chunked, of no declared length", false],
  ])("%s: 413 before the body is through, memory bounded", async (_, declareLength) => {
    const before = peakMemory();
    const { status, sent } = await sendHugeBody(declareLength);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(bodyBytes / 3);
    // The limit (10 MiB) and the stream buffers in front of it; the old server's peak grew by
    // about 940 MB for this body.
    expect(peakMemory() - before).toBeLessThan(150 * 1024 * 1024);
  });
});
