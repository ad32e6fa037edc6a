import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData } from "./spec-examples.js";

const scheduleId = "a0d559bf-cdf8-4088-841d-f3807b93272e";

describe("businessHours against Prism", () => {
  const client = prismClient();

  it("listSchedules", async () => {
    expect(await client.businessHours.listSchedules()).toEqual(
      exampleData("getBusiness-hoursSchedules"),
    );
  });

  it("getScheduleDefinition", async () => {
    expect(await client.businessHours.getScheduleDefinition(scheduleId)).toEqual(
      exampleData("getBusiness-hoursSchedulesScheduleidDefinition"),
    );
  });

  it("getUpcoming", async () => {
    expect(await client.businessHours.getUpcoming(scheduleId, { days: 14 })).toEqual(
      exampleData("getBusiness-hoursSchedulesScheduleidUpcoming"),
    );
  });

  it("getStatus", async () => {
    expect(
      await client.businessHours.getStatus(scheduleId, { timestamp: "2025-01-08T08:31:25Z" }),
    ).toEqual(exampleData("getBusiness-hoursSchedulesScheduleidStatus"));
  });
});
