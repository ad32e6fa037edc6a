import type { DixaCore } from "../core.js";
import { asData, asPages, body, perform, query } from "../operation.js";
import type { Paginated } from "../paginate.js";
import type { CallOptions } from "../types.js";
import {
  assertArray,
  assertConversationId,
  assertEach,
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  assertString,
} from "../validate.js";
import { AnalyticsGeneratedMethods } from "../../generated/facade/resources.js";
import type {
  AnalyticsMetricData,
  AnalyticsMetricDataInput,
  AnalyticsRecord,
  AnalyticsRecordDataInput,
  ListAnalyticsRecordDataQuery,
} from "../../generated/facade/types.js";

type GetMetricDataArgs = [input: AnalyticsMetricDataInput, options?: CallOptions];
type ListRecordDataArgs = [
  input: AnalyticsRecordDataInput,
  query?: ListAnalyticsRecordDataQuery,
  options?: CallOptions,
];

/** The function form of {@link AnalyticsResource.getMetricData}. */
export function analyticsGetMetricData(
  dixa: DixaCore,
  ...args: GetMetricDataArgs
): Promise<AnalyticsMetricData> {
  return perform(dixa, args, "POST /beta/analytics/metrics", asData, () => [
    body("input", assertDataInput, "required", withWirePeriodFilter),
  ]);
}

/** The function form of {@link AnalyticsResource.listRecordData}. */
export function analyticsListRecordData(
  dixa: DixaCore,
  ...args: ListRecordDataArgs
): Paginated<AnalyticsRecord> {
  return perform(dixa, args, "POST /beta/analytics/records", asPages, () => [
    body("input", assertDataInput, "required", withWirePeriodFilter),
    query(),
  ]);
}

/** Analytics: metrics and records catalogues and their data. */
export class AnalyticsResource extends AnalyticsGeneratedMethods {
  /**
   * Computes one metric's aggregated values over a period or a set of conversations.
   *
   * The spec types a preset period as `{ value: "PreviousWeek" }`, but Dixa's own examples send
   * `{ _type: "Preset", value: { _type: "PreviousWeek" } }`; the facade sends the latter form.
   * It tags an interval `{ start, end }` with `_type: "Interval"` (the schema's title: no example
   * shows an interval). A period filter that already carries `_type` is sent as given.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/analytics/postanalyticsmetrics
   */
  getMetricData(...args: GetMetricDataArgs): Promise<AnalyticsMetricData> {
    return analyticsGetMetricData(this.core, ...args);
  }

  /**
   * Fetches the unaggregated rows of one record type for a period or a set of conversations,
   * page by page as you iterate (each page repeats the same body with the next `pageKey`).
   * Period filters are sent in Dixa's tagged form, as for {@link getMetricData}.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/analytics/postanalyticsrecords
   */
  listRecordData(...args: ListRecordDataArgs): Paginated<AnalyticsRecord> {
    return analyticsListRecordData(this.core, ...args);
  }
}

/** Checks the fields shared by the metric-data and record-data bodies. */
function assertDataInput(input: unknown, label: string): asserts input is Record<string, unknown> {
  assertObject(input, label);
  assertNonEmptyString(input["id"], `${label}.id`);
  assertNonEmptyString(input["timezone"], `${label}.timezone`);
  const { csidFilter, periodFilter, filters, aggregations } = input;
  if (csidFilter !== undefined) {
    assertNonEmptyArray(csidFilter, `${label}.csidFilter`);
    assertEach(csidFilter, `${label}.csidFilter`, (csid, name) => assertConversationId(csid, name));
  }
  if (periodFilter !== undefined) assertPeriodFilter(periodFilter, `${label}.periodFilter`);
  if (filters !== undefined) {
    assertArray(filters, `${label}.filters`);
    assertEach(filters, `${label}.filters`, (filter, name) => {
      assertObject(filter, name);
      assertNonEmptyString(filter["attribute"], `${name}.attribute`);
      if (filter["values"] !== undefined) {
        assertArray(filter["values"], `${name}.values`);
        assertEach(filter["values"], `${name}.values`, assertString);
      }
    });
  }
  if (aggregations !== undefined) {
    assertArray(aggregations, `${label}.aggregations`);
    assertEach(aggregations, `${label}.aggregations`, assertNonEmptyString);
  }
}

/** A preset (`value`, a name or an already tagged object) or an interval (`start` and `end`). */
function assertPeriodFilter(period: unknown, label: string): void {
  assertObject(period, label);
  if ("value" in period) {
    const value = period["value"];
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      assertNonEmptyString((value as Record<string, unknown>)["_type"], `${label}.value._type`);
    } else {
      assertNonEmptyString(value, `${label}.value`);
    }
    return;
  }
  if ("start" in period || "end" in period) {
    assertNonEmptyString(period["start"], `${label}.start`);
    assertNonEmptyString(period["end"], `${label}.end`);
    return;
  }
  throw new TypeError(
    `${label} must be a preset ({ value }) or an interval ({ start, end }), got an object without either`,
  );
}

/**
 * Rewrites `periodFilter` into the `_type`-tagged form Dixa's examples use: a preset
 * `{ value: "PreviousWeek" }` becomes `{ _type: "Preset", value: { _type: "PreviousWeek" } }`,
 * an interval `{ start, end }` gets `_type: "Interval"`. Anything already tagged is left alone;
 * the caller's object is never modified.
 */
function withWirePeriodFilter<T extends object>(input: T): T {
  const period = (input as { periodFilter?: unknown }).periodFilter;
  if (typeof period !== "object" || period === null) return input;
  const fields = period as Record<string, unknown>;
  if (typeof fields["_type"] === "string") return input;
  const wire =
    "value" in fields
      ? {
          _type: "Preset",
          ...fields,
          value: typeof fields["value"] === "string" ? { _type: fields["value"] } : fields["value"],
        }
      : { _type: "Interval", ...fields };
  return { ...input, periodFilter: wire };
}
