import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData } from "./spec-examples.js";

describe("organization against Prism", () => {
  it("get", async () => {
    expect(await prismClient().organization.get()).toEqual(exampleData("getOrganization"));
  });
});
