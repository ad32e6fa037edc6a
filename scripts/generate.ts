/** Regenerates generated/dixa-beta.ts from the spec snapshot. Usage: npm run generate */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { replaceFilesAtomically } from "./lib/atomic-write.js";
import { runCli } from "./lib/cli.js";
import {
  defaultSpecDir,
  defaultTypesFile,
  projectRoot,
  specFileName,
} from "./lib/project-paths.js";
import { renderTypes } from "./lib/render-types.js";

runCli("generate", async () => {
  const started = performance.now();
  const specText = await readFile(join(defaultSpecDir, specFileName), "utf8");
  const content = await renderTypes(specText, defaultTypesFile);
  await replaceFilesAtomically([{ path: defaultTypesFile, content }]);
  const ms = Math.round(performance.now() - started);
  console.log(
    `${relative(projectRoot, defaultTypesFile)} written (${content.length} chars) in ${ms} ms`,
  );
});
