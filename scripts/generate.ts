/** Regenerates generated/ from the spec snapshot. Usage: npm run generate */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { replaceFilesAtomically } from "./lib/atomic-write.js";
import { runCli } from "./lib/cli.js";
import {
  defaultGeneratedDir,
  defaultSpecDir,
  projectRoot,
  specFileName,
} from "./lib/project-paths.js";
import { removeStaleFacadeFiles, renderGeneratedFiles } from "./lib/render-types.js";

runCli("generate", async () => {
  const started = performance.now();
  const specText = await readFile(join(defaultSpecDir, specFileName), "utf8");
  const files = await renderGeneratedFiles(specText, defaultGeneratedDir);
  await replaceFilesAtomically(files);
  // A resource the refreshed spec no longer has leaves no stale file behind.
  const removed = await removeStaleFacadeFiles(
    files.map((file) => file.path),
    defaultGeneratedDir,
  );
  const ms = Math.round(performance.now() - started);
  const names = files.map((file) => relative(projectRoot, file.path)).join(", ");
  console.log(`${names} written in ${ms} ms`);
  for (const file of removed) console.log(`${relative(projectRoot, file)} removed`);
});
