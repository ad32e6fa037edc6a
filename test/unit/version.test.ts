import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { packageVersion } from "../../src/version.js";

it("the User-Agent version matches package.json", async () => {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
  expect(packageVersion).toBe(pkg.version);
});
