import { describe, expect, it } from "vitest";
import { DixaBulkResponseError, splitBulkOutcomes } from "../../src/index.js";

const inputs = [{ message: "a" }, { message: "b" }, { message: "c" }];
const note = (id: string) => ({
  id,
  authorId: "x",
  createdAt: "2021-12-01T12:46:36.581Z[GMT]",
  csid: 1,
  message: id,
});

describe("splitBulkOutcomes", () => {
  it("pairs mixed outcomes with their inputs by position", () => {
    const result = splitBulkOutcomes(inputs, [
      { _type: "BulkActionSuccess", data: note("n1") },
      { _type: "BulkActionFailure", error: { _type: "Validation", message: "too long" } },
      { _type: "BulkActionSuccess", data: note("n3") },
    ]);
    expect(result.successes).toEqual([
      { index: 0, input: inputs[0], data: note("n1") },
      { index: 2, input: inputs[2], data: note("n3") },
    ]);
    expect(result.failures).toEqual([
      {
        reason: "rejected",
        index: 1,
        input: inputs[1],
        error: { _type: "Validation", message: "too long" },
      },
    ]);
  });

  it("handles an all-failed answer", () => {
    const error = { _type: "NotFound", message: "conversation not found" };
    const result = splitBulkOutcomes(
      inputs,
      inputs.map(() => ({ _type: "BulkActionFailure", error })),
    );
    expect(result.successes).toEqual([]);
    expect(result.failures.map((f) => f.index)).toEqual([0, 1, 2]);
    expect(result.failures.every((f, i) => f.input === inputs[i] && f.error === error)).toBe(true);
  });

  it("classifies outcomes without _type by data vs error", () => {
    const result = splitBulkOutcomes(inputs, [
      { data: note("n1") },
      { error: { message: "no" } },
      { data: note("n3") },
    ]);
    expect(result.successes.map((s) => s.index)).toEqual([0, 2]);
    expect(result.failures.map((f) => f.index)).toEqual([1]);
  });

  it("keeps a falsy data value as a success", () => {
    const result = splitBulkOutcomes(["x"], [{ data: null }]);
    expect(result.successes).toEqual([{ index: 0, input: "x", data: null }]);
  });

  it("applies an index offset for chunked calls", () => {
    const result = splitBulkOutcomes(inputs.slice(1), [{ data: 1 }, { error: 2 }], {
      indexOffset: 1,
    });
    expect(result.successes[0]).toMatchObject({ index: 1, input: inputs[1] });
    expect(result.failures[0]).toMatchObject({ index: 2, input: inputs[2] });
  });

  const malformed: Array<[string, unknown, RegExp]> = [
    ["neither data nor error", {}, /outcome 1 has neither `data` nor `error`/],
    ["both data and error", { data: 1, error: 2 }, /outcome 1 has both/],
    ["an unknown _type", { _type: "Maybe", data: 1 }, /unknown _type "Maybe"/],
    [
      "a success tag without data",
      { _type: "BulkActionSuccess", error: {} },
      /tagged BulkActionSuccess but has no `data`/,
    ],
    [
      "a failure tag without error",
      { _type: "BulkActionFailure" },
      /tagged BulkActionFailure but has no `error`/,
    ],
    ["a string", "ok", /outcome 1 is not an object/],
    ["null", null, /outcome 1 is not an object/],
  ];
  it.each(malformed)(
    "refuses an outcome with %s, keeping the raw outcomes",
    (_name, bad, message) => {
      const outcomes = [{ data: note("n1") }, bad, { data: note("n3") }];
      const error = (() => {
        try {
          splitBulkOutcomes(inputs, outcomes);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DixaBulkResponseError);
      expect((error as DixaBulkResponseError).message).toMatch(message);
      expect((error as DixaBulkResponseError).outcomes).toBe(outcomes);
      expect((error as DixaBulkResponseError).kind).toBe("bulk-response");
    },
  );

  it.each([
    ["fewer", [{ data: 1 }, { data: 2 }]],
    ["more", [{ data: 1 }, { data: 2 }, { data: 3 }, { data: 4 }]],
  ])("refuses %s outcomes than inputs", (_name, outcomes) => {
    expect(() => splitBulkOutcomes(inputs, outcomes)).toThrowError(
      new RegExp(`${outcomes.length} outcome\\(s\\) for 3 input\\(s\\)`),
    );
    try {
      splitBulkOutcomes(inputs, outcomes);
    } catch (error) {
      expect((error as DixaBulkResponseError).outcomes).toEqual(outcomes);
      expect((error as DixaBulkResponseError).inputCount).toBe(3);
    }
  });

  it("refuses an answer that is not a list", () => {
    expect(() => splitBulkOutcomes(inputs, undefined as unknown as unknown[])).toThrow(
      DixaBulkResponseError,
    );
  });
});
