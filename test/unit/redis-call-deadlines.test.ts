/**
 * The Redis limiter's time limit on its calls (`commandTimeoutMs`): one timer for all calls, set
 * once and reused while calls keep coming (not one per call, on every idle admission's path), and
 * still each call failed at its own deadline, after one more turn of the event loop.
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { CallDeadlines } from "../../src/redis/call-deadlines.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});

afterEach(() => {
  vi.useRealTimers();
});

const deadlines = () => new CallDeadlines(500, () => performance.now());

/** A call that settles when told to. */
function pending<T>() {
  let settle!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  return { promise, settle, fail };
}

it("passes on what the call gives, in time, and its error", async () => {
  const limits = deadlines();
  const ok = pending<string>();
  const answer = limits.within("the step script", ok.promise);
  ok.settle("yes");
  await expect(answer).resolves.toBe("yes");
  const bad = pending<string>();
  const failure = limits.within("the step script", bad.promise);
  bad.fail(new Error("NOSCRIPT"));
  await expect(failure).rejects.toThrow("NOSCRIPT");
});

/**
 * Counts the timers set while `run` runs, by wrapping the (fake) global `setTimeout` and putting
 * it back itself: a `vi.spyOn` on it, restored inside the test, left vitest's fake timers
 * installed for every later file of the worker (they share the process).
 */
async function countingTimers<T>(
  run: (calls: { count: number }) => T | Promise<T>,
  fake?: typeof setTimeout,
): Promise<T> {
  const original = globalThis.setTimeout;
  const calls = { count: 0 };
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    calls.count++;
    return (fake ?? original)(...args);
  }) as typeof setTimeout;
  try {
    return await run(calls);
  } finally {
    globalThis.setTimeout = original;
  }
}

it("sets one timer for many calls in a row, not one per call", async () => {
  const calls = await countingTimers(async (calls) => {
    const limits = deadlines();
    for (let i = 0; i < 20; i++) {
      const call = pending<number>();
      const answer = limits.within("the step script", call.promise);
      call.settle(i);
      await answer;
      await vi.advanceTimersByTimeAsync(10);
    }
    return calls;
  });
  // 200 ms of calls, 10 ms apart: the first call's timer covers them all.
  expect(calls.count).toBe(1);
});

it("fails each call that takes too long at its own deadline, one turn of the event loop later", async () => {
  const limits = deadlines();
  const first = limits.within("the step script", pending<number>().promise);
  const firstFailed = vi.fn();
  first.catch(firstFailed);
  await vi.advanceTimersByTimeAsync(300);
  // Started 300 ms after the first: its deadline is 300 ms after the first one's.
  const second = limits.within("the probe", pending<number>().promise);
  const secondFailed = vi.fn();
  second.catch(secondFailed);
  await vi.advanceTimersByTimeAsync(199);
  expect(firstFailed).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(2); // the deadline, and the turn after it
  expect(firstFailed).toHaveBeenCalledWith(
    new Error("the step script took longer than commandTimeoutMs (500 ms)"),
  );
  await vi.advanceTimersByTimeAsync(298);
  expect(secondFailed).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(2);
  expect(secondFailed).toHaveBeenCalledWith(
    new Error("the probe took longer than commandTimeoutMs (500 ms)"),
  );
});

it("an answer that came while the process was held up is read before the call is blamed", async () => {
  const limits = deadlines();
  const call = pending<string>();
  const answer = limits.within("the step script", call.promise);
  // The timer fires; the answer is settled in the same turn, before the turn the failure waits for.
  vi.advanceTimersByTime(500);
  call.settle("late but here");
  await expect(answer).resolves.toBe("late but here");
});

it("does not keep the process alive on its own", async () => {
  const limits = deadlines();
  const unref = vi.fn();
  const timer = (() => ({ unref })) as unknown as typeof setTimeout;
  await countingTimers(() => {
    void limits.within("the step script", pending<number>().promise);
  }, timer);
  expect(unref).toHaveBeenCalledOnce();
});
