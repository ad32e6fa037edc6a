/**
 * Issue #19.4: the webhook readers' memory is bounded by the cap whatever the chunking. A signed
 * delivery of about 1 MB arrives one byte per chunk (each chunk its own buffer, as a socket's
 * reads are), through the Node and the Web adapter, in a process whose heap is 48 MB. A reader
 * that keeps the chunks and joins them at the end holds a million small buffers and dies there
 * (it does not get through even with 128 MB); one that copies each chunk into a buffer growing
 * up to the cap needs about 24 MB. Measured by survival, not by time, so load on the machine
 * does not matter.
 */
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-script.js";

const heapMb = 48;

describe("a delivery trickled one byte per chunk", () => {
  it(`is read and verified within a ${heapMb} MB heap, by both adapters`, async () => {
    const { code, stdout, stderr } = await new Promise<{
      code: number;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      execFile(
        process.execPath,
        [
          `--max-old-space-size=${heapMb}`,
          "--import",
          "tsx",
          "test/integration/fixtures/trickled-delivery.ts",
        ],
        { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
        (error, out, err) => {
          const exit = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ code: exit, stdout: out, stderr: err });
        },
      );
    });
    expect(stderr).not.toMatch(/heap out of memory/i);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim())).toEqual({ bytes: 1_001_740, node: true, web: true });
  }, 180_000);
});
