/** Writes docs/coverage.md from the operation map. Usage: npm run docs:coverage */
import { replaceFilesAtomically } from "./lib/atomic-write.js";
import { runCli } from "./lib/cli.js";
import { coverageFile, renderCoverageFile } from "./lib/render-coverage.js";

runCli("docs:coverage", async () => {
  await replaceFilesAtomically([{ path: coverageFile, content: await renderCoverageFile() }]);
  console.log("docs/coverage.md written");
});
