import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData, exampleRequest } from "./spec-examples.js";

describe("anonymization against Prism", () => {
  const client = prismClient();

  it("getRequest", async () => {
    expect(await client.anonymization.getRequest("062f0b37-4de0-40f2-95a4-641435cb2869")).toEqual(
      exampleData("getAnonymizationRequestRequestid"),
    );
  });

  it("request (deprecated)", async () => {
    const entity = exampleRequest("postAnonymization");
    expect(entity).toEqual({ entityId: "a53b25da-f676-4c52-acac-58c9280aa23d", _type: "User" });
    expect(await client.anonymization.request(entity)).toEqual(exampleData("postAnonymization"));
  });
});
