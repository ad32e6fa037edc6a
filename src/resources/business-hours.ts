import type { QueryParams, ResponseData } from "../types.js";

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
