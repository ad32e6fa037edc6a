/** Fails when generated/dixa-beta.ts is not what `npm run generate` would write for the snapshot. */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { runCli } from "./lib/cli.js";
import {
  defaultSpecDir,
  defaultTypesFile,
  projectRoot,
  specFileName,
} from "./lib/project-paths.js";
import { renderTypes } from "./lib/render-types.js";

runCli("check:generated", async () => {
  const specFile = join(defaultSpecDir, specFileName);
  const expected = await renderTypes(await readFile(specFile, "utf8"), defaultTypesFile);
  const actual = await readFile(defaultTypesFile, "utf8").catch(() => undefined);
  const name = relative(projectRoot, defaultTypesFile);
  if (actual === expected) {
    console.log(`${name} is up to date with ${relative(projectRoot, specFile)}`);
    return 0;
  }
  const why = actual === undefined ? "is missing" : "is stale against the spec snapshot";
  console.error(`${name} ${why}: run \`npm run generate\` and commit the result`);
  return 1;
});
