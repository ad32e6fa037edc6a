/**
 * Fetches the description, reports what changed against the current snapshot, and regenerates
 * the types. With --fail-on-breaking, a breaking change leaves every file as it was and exits 2.
 * Usage: npm run spec:update -- [--url URL | --file PATH] [--fail-on-breaking] [--json]
 *        [--timeout MS] [--out-dir DIR] [--generated-dir DIR]
 */
import type { ParseArgsConfig } from "node:util";
import { correctSpec } from "./lib/apply-overlay.js";
import { changeReportJson, formatChangeReport } from "./lib/change-report.js";
import { compareFacades } from "./lib/facade-changes.js";
import { planFacade } from "./lib/facade-plan.js";
import { parseCliArgs, parseTimeout, runCli, sourceOptions } from "./lib/cli.js";
import { formatOverlayReport, overlayReportJson } from "./lib/overlay-report.js";
import { defaultGeneratedDir, defaultSpecDir } from "./lib/project-paths.js";
import { removeStaleFacadeFiles, renderGeneratedFiles } from "./lib/render-types.js";
import {
  fetchCandidate,
  readProvenance,
  readSnapshotText,
  sha256,
  writeSnapshot,
  type CandidateSpec,
  type SnapshotLocation,
} from "./lib/snapshot.js";
import { compareSpecs } from "./lib/spec-changes.js";
import { withSnapshotLock } from "./lib/snapshot-lock.js";
import { validateSpecText } from "./lib/spec-document.js";
import { chooseSource } from "./lib/spec-source.js";

const exitBreakingRefused = 2;

const updateOptions = {
  ...sourceOptions,
  "fail-on-breaking": { type: "boolean" },
  json: { type: "boolean" },
  "generated-dir": { type: "string" },
} satisfies ParseArgsConfig["options"];

runCli("spec:update", async () => {
  const args = parseCliArgs(updateOptions);
  const location = { specDir: args["out-dir"] ?? defaultSpecDir };
  const candidate = await fetchCandidate(chooseSource(args), {
    timeoutMs: parseTimeout(args.timeout),
  });
  // The lock covers reading the current snapshot through writing the new one, so the report
  // describes exactly the change this run makes, even with another run going on.
  return withSnapshotLock(location.specDir, () => update(args, location, candidate));
});

async function update(
  args: ReturnType<typeof parseCliArgs<typeof updateOptions>>,
  location: SnapshotLocation,
  candidate: CandidateSpec,
): Promise<number> {
  const generatedDir = args["generated-dir"] ?? defaultGeneratedDir;
  const previousText = await readSnapshotText(location);
  // Both sides as corrected by the project's overlay: the report is about the client users get.
  const previous =
    previousText === undefined
      ? undefined
      : await correctSpec(validateSpecText(previousText).document);
  const corrected = await correctSpec(candidate.document);
  const summary = compareSpecs(previous?.document, corrected.document);
  const facade = compareFacades(
    previous === undefined ? undefined : planFacade(previous.document),
    planFacade(corrected.document),
    [...summary.changed.values()].flat(),
  );
  const shas = {
    before: (await readProvenance(location))?.sha256 ?? (previousText && sha256(previousText)),
    after: candidate.provenance.sha256,
  };
  console.log(
    args.json
      ? JSON.stringify(
          {
            ...changeReportJson(summary, facade),
            corrections: overlayReportJson(corrected.outcomes),
          },
          null,
          2,
        )
      : `${formatChangeReport(summary, shas, facade)}\n\n${formatOverlayReport(corrected.outcomes)}`,
  );

  if (args["fail-on-breaking"] && summary.breaking.length > 0) {
    console.error(
      `spec:update refused: ${summary.breaking.length} breaking change(s) and --fail-on-breaking; nothing was changed`,
    );
    return exitBreakingRefused;
  }
  // Render the types before touching the disk, so a generator failure leaves everything as it was.
  const generated = await renderGeneratedFiles(candidate.text, generatedDir);
  await writeSnapshot(location, candidate, generated);
  await removeStaleFacadeFiles(
    generated.map((file) => file.path),
    generatedDir,
  );
  console.error(`snapshot and ${generatedDir} are up to date with ${candidate.provenance.source}`);
  return 0;
}
