import { describe, expect, it } from "vitest";
import { prismClient } from "./prism-client.js";
import { exampleData } from "./spec-examples.js";

describe("templates against Prism", () => {
  const client = prismClient();

  it("list", async () => {
    expect(await client.templates.list().toArray()).toEqual(exampleData("getTemplates"));
    expect(await client.templates.list({ type: "QuickResponse", pageLimit: 25 }).toArray()).toEqual(
      exampleData("getTemplates"),
    );
  });

  it("delete", async () => {
    await expect(
      client.templates.delete("f8e20c27-c63c-4877-b95a-09a367660578"),
    ).resolves.toBeUndefined();
  });
});
