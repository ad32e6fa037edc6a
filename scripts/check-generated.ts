/** Fails when generated/ is not what `npm run generate` would write for the snapshot. */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { runCli } from "./lib/cli.js";
import {
  defaultGeneratedDir,
  defaultSpecDir,
  projectRoot,
  specFileName,
} from "./lib/project-paths.js";
import { renderGeneratedFiles, staleFacadeFiles } from "./lib/render-types.js";

runCli("check:generated", async () => {
  const specFile = join(defaultSpecDir, specFileName);
  const { files: expected } = await renderGeneratedFiles(
    await readFile(specFile, "utf8"),
    defaultGeneratedDir,
  );
  let stale = 0;
  for (const file of expected) {
    const actual = await readFile(file.path, "utf8").catch(() => undefined);
    const name = relative(projectRoot, file.path);
    if (actual === file.content) continue;
    stale++;
    const why = actual === undefined ? "is missing" : "is stale against the spec snapshot";
    console.error(`${name} ${why}: run \`npm run generate\` and commit the result`);
  }
  for (const extra of await staleFacadeFiles(
    expected.map((file) => file.path),
    defaultGeneratedDir,
  )) {
    stale++;
    console.error(
      `${relative(projectRoot, extra)} is left over from an older spec: run \`npm run generate\``,
    );
  }
  if (stale === 0) console.log(`generated/ is up to date with ${relative(projectRoot, specFile)}`);
  return stale === 0 ? 0 : 1;
});
