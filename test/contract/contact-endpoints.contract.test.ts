import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData } from "./spec-examples.js";

describe("contactEndpoints against Prism", () => {
  const client = prismClient();

  it("get (by e-mail address)", async () => {
    expect(await client.contactEndpoints.get("some@email.com")).toEqual(
      exampleData("getContact-endpointsContactendpointid"),
    );
  });

  it("get (by E.164 phone number, URL-encoded)", async () => {
    expect(await client.contactEndpoints.get("+4531434343")).toEqual(
      exampleData("getContact-endpointsContactendpointid"),
    );
  });

  it("list", async () => {
    expect(await client.contactEndpoints.list()).toEqual(exampleData("getContact-endpoints"));
    expect(await client.contactEndpoints.list({ _type: "EmailEndpoint" })).toEqual(
      exampleData("getContact-endpoints"),
    );
  });
});
