/**
 * Downloads the Dixa beta OpenAPI description into openapi/ after validating it.
 * Usage: npm run spec:fetch -- [--url URL | --file PATH] [--timeout MS] [--out-dir DIR]
 */
import { relative } from "node:path";
import { parseCliArgs, parseTimeout, runCli, sourceOptions } from "./lib/cli.js";
import { defaultSpecDir, projectRoot } from "./lib/project-paths.js";
import { fetchCandidate, snapshotFiles, writeSnapshot } from "./lib/snapshot.js";
import { chooseSource } from "./lib/spec-source.js";

runCli("spec:fetch", async () => {
  const args = parseCliArgs(sourceOptions);
  const source = chooseSource(args);
  const candidate = await fetchCandidate(source, { timeoutMs: parseTimeout(args.timeout) });
  const location = { specDir: args["out-dir"] ?? defaultSpecDir };
  const changed = await writeSnapshot(location, candidate);
  const target =
    relative(projectRoot, snapshotFiles(location).spec) || snapshotFiles(location).spec;
  const { sha256, bytes, operations } = candidate.provenance;
  console.log(
    changed
      ? `${target} updated from ${candidate.provenance.source}: sha256 ${sha256}, ${bytes} bytes, ${operations} operations. Run \`npm run generate\` next.`
      : `${target} is already up to date (sha256 ${sha256}).`,
  );
});
