/**
 * Fetches the description, reports what changed against the current snapshot, and regenerates
 * the types. With --fail-on-breaking, a breaking change leaves every file as it was and exits 2.
 * Usage: npm run spec:update -- [--url URL | --file PATH] [--fail-on-breaking] [--json]
 *        [--timeout MS] [--out-dir DIR] [--generated-dir DIR]
 */
import { resolve } from "node:path";
import type { ParseArgsConfig } from "node:util";
import { correctSpec } from "./lib/apply-overlay.js";
import { changeReportJson, formatChangeReport } from "./lib/change-report.js";
import { checkBundle, checkTypes } from "./lib/check-build.js";
import { compareFacades } from "./lib/facade-changes.js";
import { planFacade, type FacadePlan } from "./lib/facade-plan.js";
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
import { validateSpecText, type OpenApiDocument } from "./lib/spec-document.js";
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
  // The candidate's model first: a spec the generator refuses is refused before any report.
  const plan = planFacade(corrected.document);
  const summary = compareSpecs(previous?.document, corrected.document);
  const facadeBefore = previous === undefined ? undefined : previousPlan(previous.document);
  const facade = compareFacades(facadeBefore, plan, [...summary.changed.values()].flat());
  const before = new Set(facadeBefore?.operations.map((o) => o.operationId));
  const naming = {
    defaults: plan.operations.filter((o) => o.defaultName),
    stale: plan.staleNames,
    removedNow: plan.staleNames.filter((id) => before.has(id)),
  };
  const shas = {
    before: (await readProvenance(location))?.sha256 ?? (previousText && sha256(previousText)),
    after: candidate.provenance.sha256,
  };
  console.log(
    args.json
      ? JSON.stringify(
          {
            ...changeReportJson(summary, facade, naming),
            corrections: overlayReportJson(corrected.outcomes),
          },
          null,
          2,
        )
      : `${formatChangeReport(summary, shas, facade, naming)}\n\n${formatOverlayReport(corrected.outcomes)}`,
  );

  if (args["fail-on-breaking"] && summary.breaking.length > 0) {
    console.error(
      `spec:update refused: ${summary.breaking.length} breaking change(s) and --fail-on-breaking; nothing was changed`,
    );
    return exitBreakingRefused;
  }
  // Render and build before touching the disk, so a failure leaves everything as it was.
  const { files: generated } = await renderGeneratedFiles(candidate.text, generatedDir);
  if (resolve(generatedDir) === resolve(defaultGeneratedDir)) {
    // The package is built from these files: it must still bundle and type-check with them.
    await checkBundle(generated, generatedDir);
    checkTypes(generated);
  }
  await writeSnapshot(location, candidate, generated);
  await removeStaleFacadeFiles(
    generated.map((file) => file.path),
    generatedDir,
  );
  for (const note of plan.notes) console.error(`note: ${note}`);
  console.error(`snapshot and ${generatedDir} are up to date with ${candidate.provenance.source}`);
  return 0;
}

/** The current snapshot's model; none, said so, when today's rules refuse it (it is replaced). */
function previousPlan(document: OpenApiDocument): FacadePlan | undefined {
  try {
    return planFacade(document);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`note: the current snapshot's calls are not compared (${reason})`);
    return undefined;
  }
}
