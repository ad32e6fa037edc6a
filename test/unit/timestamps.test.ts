import { describe, expect, it } from "vitest";
import { parseDixaTimestamp } from "../../src/index.js";

describe("parseDixaTimestamp", () => {
  it.each([
    ["2021-12-01T12:46:36.581Z[GMT]", "2021-12-01T12:46:36.581Z"],
    ["2021-12-01T12:46:36.581Z", "2021-12-01T12:46:36.581Z"],
    ["2021-01-20T09:00:00Z", "2021-01-20T09:00:00.000Z"],
    ["2021-12-01T12:46:36.581+01:00[Europe/Copenhagen]", "2021-12-01T11:46:36.581Z"],
    ["2021-12-01T12:46:36.581+0100", "2021-12-01T11:46:36.581Z"],
    ["2021-12-01T12:46:36.581123456Z", "2021-12-01T12:46:36.581Z"],
    ["2021-12-01T12:46:36[UTC]", "2021-12-01T12:46:36.000Z"],
    ["2021-12-01T12:46:36", "2021-12-01T12:46:36.000Z"],
    ["2021-12-01", "2021-12-01T00:00:00.000Z"],
  ])("%s", (input, iso) => {
    expect(parseDixaTimestamp(input)?.toISOString()).toBe(iso);
  });

  it.each([
    ["not a date"],
    ["2021-13-45T99:00:00Z"],
    ["2021-12-01T12:46:36[Europe/Copenhagen]"],
    [""],
    [42],
    [null],
    [undefined],
  ])("gives undefined for %j", (input) => {
    expect(parseDixaTimestamp(input)).toBeUndefined();
  });
});
