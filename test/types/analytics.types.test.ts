import { describe, expectTypeOf, it } from "vitest";
import type {
  AnalyticsMetric,
  AnalyticsMetricData,
  AnalyticsMetricDataInput,
  AnalyticsRecord,
  DixaClient,
  Paginated,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type S = components["schemas"];

describe("analytics types come from the generated spec", () => {
  it("results and inputs are the schema types", () => {
    expectTypeOf<AnalyticsMetric>().toEqualTypeOf<S["MetricMetadata"]>();
    expectTypeOf<AnalyticsMetricData>().toEqualTypeOf<S["MetricData"]>();
    expectTypeOf<AnalyticsMetricDataInput>().toEqualTypeOf<S["GetMetricDataInput"]>();
    expectTypeOf<DixaClient["analytics"]["getMetricData"]>().returns.resolves.toEqualTypeOf<
      S["MetricData"]
    >();
    expectTypeOf<DixaClient["analytics"]["listRecordData"]>().returns.toEqualTypeOf<
      Paginated<AnalyticsRecord>
    >();
    expectTypeOf<AnalyticsRecord>().toEqualTypeOf<S["MetricRecord"]>();
  });

  it("a period is typed as the spec has it; the facade rewrites it on the wire", () => {
    expectTypeOf<DixaClient["analytics"]["getMetricData"]>().toBeCallableWith({
      id: "closed_conversations",
      periodFilter: { value: "PreviousWeek" },
      timezone: "Europe/Copenhagen",
    });
    // @ts-expect-error a metric query needs a timezone
    expectTypeOf<DixaClient["analytics"]["getMetricData"]>().toBeCallableWith({ id: "csat" });
  });
});
