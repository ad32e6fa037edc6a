import { callData, callPages } from "../call.js";
import type { DixaCore } from "../core.js";
import type { Paginated } from "../paginate.js";
import type {
  CallOptions,
  ListItem,
  ListQuery,
  RequestBody,
  ResponseData,
  Schemas,
} from "../types.js";
import {
  assertArray,
  assertConversationId,
  assertEach,
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  assertString,
} from "../validate.js";
import { AnalyticsGeneratedMethods } from "../../generated/facade/analytics.js";

/** A metric of the catalogue: its id, what it measures, its filters and aggregations. */
export type AnalyticsMetric = ListItem<"/beta/analytics/metrics", "get">;
export type ListAnalyticsMetricsQuery = ListQuery<"/beta/analytics/metrics", "get">;
/**
 * What to compute: a metric id, a timezone, and either conversation ids (`csidFilter`) or a
 * period (`periodFilter`), plus optional attribute filters and aggregations.
 */
export type AnalyticsMetricDataInput = RequestBody<"/beta/analytics/metrics", "post">;
/** The aggregated values of one metric. */
export type AnalyticsMetricData = ResponseData<"/beta/analytics/metrics", "post">;
/** A period to cover: an interval (`start`/`end`) or a preset such as `PreviousWeek`. */
export type AnalyticsPeriodFilter = Schemas["PeriodFilter"];
/** One value a filter attribute can take. */
export type AnalyticsFilterValue = ListItem<"/beta/analytics/filter/{filterAttribute}", "get">;
export type ListAnalyticsFilterValuesQuery = ListQuery<
  "/beta/analytics/filter/{filterAttribute}",
  "get"
>;
/** A record type of the catalogue: its fields, filters and the metrics built on it. */
export type AnalyticsRecordType = ListItem<"/beta/analytics/records", "get">;
export type ListAnalyticsRecordTypesQuery = ListQuery<"/beta/analytics/records", "get">;
/** Which rows to fetch: a record id, a timezone, and conversation ids or a period. */
export type AnalyticsRecordDataInput = RequestBody<"/beta/analytics/records", "post">;
export type ListAnalyticsRecordDataQuery = ListQuery<"/beta/analytics/records", "post">;
/** One unaggregated row of a record type. */
export type AnalyticsRecord = ListItem<"/beta/analytics/records", "post">;

/**
 * Computes one metric's aggregated values over a period or a set of conversations.
 *
 * The spec types a preset period as `{ value: "PreviousWeek" }`, but Dixa's own examples send
 * `{ _type: "Preset", value: { _type: "PreviousWeek" } }`; the facade sends the latter form. It
 * tags an interval `{ start, end }` with `_type: "Interval"` (the schema's title: no example shows
 * an interval). A period filter that already carries `_type` is sent as given.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/analytics/postanalyticsmetrics
 */
export async function analyticsGetMetricData(
  dixa: DixaCore,
  input: AnalyticsMetricDataInput,
  options?: CallOptions,
): Promise<AnalyticsMetricData> {
  assertDataInput(input, "input");
  const body = withWirePeriodFilter(input);
  const path = "/beta/analytics/metrics";
  return callData(dixa, "POST", path, path, undefined, body, options);
}

/**
 * Fetches the unaggregated rows of one record type for a period or a set of conversations, page
 * by page as you iterate (each page repeats the same body with the next `pageKey`). Period
 * filters are sent in Dixa's tagged form, as for `analyticsGetMetricData`.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/analytics/postanalyticsrecords
 */
export function analyticsListRecordData(
  dixa: DixaCore,
  input: AnalyticsRecordDataInput,
  query: ListAnalyticsRecordDataQuery = {},
  options?: CallOptions,
): Paginated<AnalyticsRecord> {
  assertDataInput(input, "input");
  const body = withWirePeriodFilter(input);
  const path = "/beta/analytics/records";
  return callPages(dixa, "POST", path, path, query, body, options);
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
  getMetricData(
    input: AnalyticsMetricDataInput,
    options?: CallOptions,
  ): Promise<AnalyticsMetricData> {
    return analyticsGetMetricData(this.core, input, options);
  }

  /**
   * Fetches the unaggregated rows of one record type for a period or a set of conversations,
   * page by page as you iterate (each page repeats the same body with the next `pageKey`).
   * Period filters are sent in Dixa's tagged form, as for {@link getMetricData}.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/analytics/postanalyticsrecords
   */
  listRecordData(
    input: AnalyticsRecordDataInput,
    query: ListAnalyticsRecordDataQuery = {},
    options?: CallOptions,
  ): Paginated<AnalyticsRecord> {
    return analyticsListRecordData(this.core, input, query, options);
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
