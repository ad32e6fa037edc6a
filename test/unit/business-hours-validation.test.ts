import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../support/loopback-server.js";
import { expectRefusedBeforeSending } from "../support/refused-before-sending.js";
import { clientFor } from "../support/test-client.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Client = ReturnType<typeof clientFor>;
const scheduleId = "a0d559bf-cdf8-4088-841d-f3807b93272e";

describe("businessHours", () => {
  describe("validation happens before any request", () => {
    const cases: Array<[string, (c: Client) => Promise<unknown>, RegExp]> = [
      [
        "getScheduleDefinition: a non-UUID id",
        (c) => c.businessHours.getScheduleDefinition("schedule-1"),
        /scheduleId must be a UUID string, got a string of 10 characters/,
      ],
      [
        "getUpcoming: a non-UUID id",
        (c) => c.businessHours.getUpcoming("", { days: 7 }),
        /scheduleId must be a UUID string, got an empty string/,
      ],
      [
        "getUpcoming: days 0",
        (c) => c.businessHours.getUpcoming(scheduleId, { days: 0 }),
        /query\.days must be an integer from 1 to 90, got the number 0/,
      ],
      [
        "getUpcoming: days 91",
        (c) => c.businessHours.getUpcoming(scheduleId, { days: 91 }),
        /query\.days must be an integer from 1 to 90/,
      ],
      [
        "getUpcoming: fractional days",
        (c) => c.businessHours.getUpcoming(scheduleId, { days: 1.5 }),
        /query\.days must be an integer/,
      ],
      [
        "getUpcoming: a query that is not an object",
        (c) => c.businessHours.getUpcoming(scheduleId, 7 as never),
        /query must be an object/,
      ],
      [
        "getStatus: an empty id",
        (c) => c.businessHours.getStatus("  "),
        /scheduleId must be a non-empty string/,
      ],
      [
        "getStatus: an empty timestamp",
        (c) => c.businessHours.getStatus(scheduleId, { timestamp: "" }),
        /query\.timestamp must be an ISO 8601 date-time string/,
      ],
    ];
    it.each(cases)("%s", (name, call, message) =>
      expectRefusedBeforeSending([name, "async", call, message]),
    );
  });

  it("getStatus takes a plain string id (its own spec declaration) and sends the timestamp", async () => {
    const status = {
      isOpen: false,
      timestamp: "2025-01-08T20:00:00Z",
      opensAt: "2025-01-09T08:00:00Z",
    };
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { data: status }),
    );
    const result = await clientFor(server).businessHours.getStatus("schedule-1", {
      timestamp: "2025-01-08T20:00:00Z",
    });
    expect(result).toEqual(status);
    expect(server.requests[0]!.url).toBe(
      "/beta/business-hours/schedules/schedule-1/status?timestamp=2025-01-08T20%3A00%3A00Z",
    );
  });

  it("getUpcoming sends days", async () => {
    server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, {
        data: { schedule: { id: scheduleId, name: "S", timezone: "UTC" } },
      }),
    );
    await clientFor(server).businessHours.getUpcoming(scheduleId, { days: 90 });
    expect(server.requests[0]!.url).toBe(
      `/beta/business-hours/schedules/${scheduleId}/upcoming?days=90`,
    );
  });
});
