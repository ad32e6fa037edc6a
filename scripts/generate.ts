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
import { withSnapshotLock } from "./lib/snapshot-lock.js";
import { startTypesChild } from "./lib/types-child.js";

// openapi-typescript, the slowest part, starts loading in a process of its own before this one
// loads the rest of the generator.
const typesChild = startTypesChild();
const { removeStaleFacadeFiles, renderGeneratedFiles } = await import("./lib/render-types.js");
const { checkBundle } = await import("./lib/check-build.js");

runCli("generate", async () => {
  const started = performance.now();
  // Under the snapshot's lock, so a concurrent spec:update cannot interleave its files with ours.
  const { files, removed, notes } = await withSnapshotLock(defaultSpecDir, async () => {
    const specText = await readFile(join(defaultSpecDir, specFileName), "utf8");
    const { files: rendered, plan } = await renderGeneratedFiles(
      specText,
      defaultGeneratedDir,
      typesChild,
    );
    // The package must still build with the new files before they replace the old ones.
    await checkBundle(rendered, defaultGeneratedDir);
    await replaceFilesAtomically(rendered);
    // A resource the refreshed spec no longer has leaves no stale file behind.
    const stale = await removeStaleFacadeFiles(
      rendered.map((file) => file.path),
      defaultGeneratedDir,
    );
    return { files: rendered, removed: stale, notes: plan.notes };
  });
  const ms = Math.round(performance.now() - started);
  const names = files.map((file) => relative(projectRoot, file.path)).join(", ");
  console.log(`${names} written in ${ms} ms`);
  for (const file of removed) console.log(`${relative(projectRoot, file)} removed`);
  for (const note of notes) console.log(`note: ${note}`);
});
