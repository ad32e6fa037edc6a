import type { DixaApi } from "../api.js";
import type { CallOptions, QueryParams, ResponseData } from "../types.js";
import {
  assertIntegerInRange,
  assertNonEmptyString,
  assertObject,
  assertUuid,
  ifPresent,
} from "../validate.js";

/** `{ schedules }`: the id and name of every business-hours schedule. */
export type BusinessHoursScheduleList = ResponseData<"/beta/business-hours/schedules", "get">;
/** `{ schedule }`: timezone, weekly opening hours and exceptions (holidays and the like). */
export type BusinessHoursDefinition = ResponseData<
  "/beta/business-hours/schedules/{scheduleId}/definition",
  "get"
>;
/** `{ schedule }`: the opening hours of the coming days, rules and exceptions applied. */
export type BusinessHoursUpcoming = ResponseData<
  "/beta/business-hours/schedules/{scheduleId}/upcoming",
  "get"
>;
/** `days`: how many coming days to resolve, 1 to 90 (Dixa's default is 7). */
export type BusinessHoursUpcomingQuery = QueryParams<
  "/beta/business-hours/schedules/{scheduleId}/upcoming",
  "get"
>;
/** Whether the business is open, with the next opening or closing time when Dixa knows it. */
export type BusinessHoursStatus = ResponseData<
  "/beta/business-hours/schedules/{scheduleId}/status",
  "get"
>;
/** `timestamp`: the ISO-8601 instant to check (`yyyy-MM-ddTHH:mm:ssZ`); default now. */
export type BusinessHoursStatusQuery = QueryParams<
  "/beta/business-hours/schedules/{scheduleId}/status",
  "get"
>;

/** Business hours schedules. */
export class BusinessHoursResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists the organization's business-hours schedules (id and name of each).
   * @see https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedules
   */
  async listSchedules(options?: CallOptions): Promise<BusinessHoursScheduleList> {
    return this.api.data("get", "/beta/business-hours/schedules", {}, options);
  }

  /**
   * Fetches how a schedule is defined: its timezone, regular weekly hours and exceptions.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedulesscheduleiddefinition
   */
  async getScheduleDefinition(
    scheduleId: string,
    options?: CallOptions,
  ): Promise<BusinessHoursDefinition> {
    assertUuid(scheduleId, "scheduleId");
    return this.api.data(
      "get",
      "/beta/business-hours/schedules/{scheduleId}/definition",
      { params: { path: { scheduleId } } },
      options,
    );
  }

  /**
   * Resolves a schedule's opening hours for the next `days` days (1 to 90, default 7), with
   * recurring rules and exceptions applied.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedulesscheduleidupcoming
   */
  async getUpcoming(
    scheduleId: string,
    query: BusinessHoursUpcomingQuery = {},
    options?: CallOptions,
  ): Promise<BusinessHoursUpcoming> {
    assertUuid(scheduleId, "scheduleId");
    assertObject(query, "query");
    ifPresent(query.days, "query.days", (days, name) => assertIntegerInRange(days, name, 1, 90));
    return this.api.data(
      "get",
      "/beta/business-hours/schedules/{scheduleId}/upcoming",
      { params: { path: { scheduleId }, query } },
      options,
    );
  }

  /**
   * Tells whether the business is open now, or at `timestamp` when given.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedulesscheduleidstatus
   */
  async getStatus(
    scheduleId: string,
    query: BusinessHoursStatusQuery = {},
    options?: CallOptions,
  ): Promise<BusinessHoursStatus> {
    // Unlike the definition and upcoming operations, the spec types this scheduleId as a plain
    // string, not a UUID: follow the operation's own declaration.
    assertNonEmptyString(scheduleId, "scheduleId");
    assertObject(query, "query");
    if (query.timestamp !== undefined) assertNonEmptyString(query.timestamp, "query.timestamp");
    return this.api.data(
      "get",
      "/beta/business-hours/schedules/{scheduleId}/status",
      { params: { path: { scheduleId }, query } },
      options,
    );
  }
}
