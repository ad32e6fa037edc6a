import { describe, expectTypeOf, it } from "vitest";
import type { BusinessHoursStatus, DixaClient } from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type BusinessHours = DixaClient["businessHours"];

describe("businessHours types come from the generated spec", () => {
  it("results and queries", () => {
    expectTypeOf<BusinessHoursStatus>().toEqualTypeOf<
      components["schemas"]["GetBusinessOpenStatusResult"]
    >();
    expectTypeOf<BusinessHours["listSchedules"]>().returns.resolves.toEqualTypeOf<
      components["schemas"]["ListBusinessHoursSchedulesResult"]
    >();
    expectTypeOf<BusinessHours["getUpcoming"]>().toBeCallableWith("id", { days: 30 });
    // @ts-expect-error days is a number
    expectTypeOf<BusinessHours["getUpcoming"]>().toBeCallableWith("id", { days: "30" });
  });
});
