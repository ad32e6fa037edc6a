/**
 * The channel through which a failing hook is reported (issue 20.5), its own failures included:
 * nothing a hook or onHookError does may escape into the call or the process.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { guardHooks } from "../../src/http/hook-errors.js";
import { createRedactor } from "../../src/redact.js";

const token = "hook-channel-token-SECRET";
const redact = createRedactor(token);
const info = { hook: "onEvent" as const, eventType: "request", method: "GET", pathTemplate: "/x" };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.restoreAllMocks());

describe("guardHooks", () => {
  it("hands a thrown error and a rejected promise to onHookError once each", async () => {
    const reported: unknown[] = [];
    const guard = guardHooks((error) => reported.push(error), redact);
    const thrown = new Error("sync");
    const rejected = new Error("async");
    guard(info, () => {
      throw thrown;
    });
    guard(info, () => Promise.reject(rejected));
    guard(info, () => "fine");
    await settle();
    expect(reported).toEqual([thrown, rejected]);
  });

  it.each([
    [
      "throws",
      () => {
        throw new Error(`handler broke on ${token}`);
      },
    ],
    ["rejects", () => Promise.reject(new Error(`handler broke on ${token}`))],
  ])(
    "when onHookError itself %s, both errors are logged, the token removed",
    async (_, handler) => {
      const logged: string[] = [];
      vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
      const guard = guardHooks(handler, redact);
      guard(info, () => {
        throw new Error(`hook broke on ${token}`);
      });
      await settle();
      expect(logged).toHaveLength(2);
      expect(logged[0]).toMatch(/your onEvent hook threw on a request event of GET \/x/);
      expect(logged[0]).toContain("hook broke on [redacted]");
      expect(logged[1]).toMatch(/onHookError threw while handling it/);
      expect(logged.join("\n")).not.toContain(token);
    },
  );

  it("logs a thrown value that cannot be turned into text", () => {
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
    guardHooks(undefined, redact)(info, () => {
      throw Object.create(null);
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("(a thrown value that cannot be turned into text)");
  });
});
