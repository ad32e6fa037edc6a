import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData } from "./spec-examples.js";

describe("customAttributes against Prism", () => {
  const client = prismClient();

  it("get", async () => {
    expect(await client.customAttributes.get("db5f673b-1c40-41e7-b71f-caab342f0607")).toEqual(
      exampleData("getCustom-attributesCustomattributeid"),
    );
  });

  it("list", async () => {
    expect(await client.customAttributes.list()).toEqual(exampleData("getCustom-attributes"));
  });
});
