import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { replaceFilesAtomically, type FileToWrite } from "./atomic-write.js";
import { provenanceFileName, specFileName } from "./project-paths.js";
import { withSnapshotLock } from "./snapshot-lock.js";
import { validateSpecText, type ValidatedSpec } from "./spec-document.js";
import { describeSource, readSource, type SpecSource } from "./spec-source.js";

export interface Provenance {
  source: string;
  retrievedAt: string;
  sha256: string;
  bytes: number;
  openapi: string;
  infoVersion: string | undefined;
  paths: number;
  operations: number;
}

/** A description that has been downloaded and validated, held in memory until it is written. */
export interface CandidateSpec extends ValidatedSpec {
  bytes: Buffer;
  text: string;
  provenance: Provenance;
}

export function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Downloads (or reads) a description and validates it; nothing is written here. */
export async function fetchCandidate(
  source: SpecSource,
  options: { timeoutMs: number; now?: Date },
): Promise<CandidateSpec> {
  const bytes = await readSource(source, options.timeoutMs);
  const text = bytes.toString("utf8");
  const validated = validateSpecText(text);
  return {
    ...validated,
    bytes,
    text,
    provenance: {
      source: describeSource(source),
      retrievedAt: (options.now ?? new Date()).toISOString(),
      sha256: sha256(bytes),
      bytes: bytes.length,
      openapi: validated.document.openapi,
      infoVersion: validated.document.info.version,
      paths: validated.pathCount,
      operations: validated.operationCount,
    },
  };
}

export interface SnapshotLocation {
  specDir: string;
}

export function snapshotFiles(location: SnapshotLocation) {
  return {
    spec: join(location.specDir, specFileName),
    provenance: join(location.specDir, provenanceFileName),
  };
}

export async function readSnapshotText(location: SnapshotLocation): Promise<string | undefined> {
  return readFile(snapshotFiles(location).spec, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
}

export async function readProvenance(location: SnapshotLocation): Promise<Provenance | undefined> {
  const text = await readFile(snapshotFiles(location).provenance, "utf8").catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as Provenance);
}

/**
 * Writes the snapshot, its provenance and any extra files (the regenerated types) in one atomic
 * step. Returns false, writing nothing, when the same bytes from the same source are already there.
 * The read-compare-write runs under the snapshot lock, so two runs writing the same directory at
 * once cannot leave the spec of one with the provenance of the other.
 */
export function writeSnapshot(
  location: SnapshotLocation,
  candidate: CandidateSpec,
  extraFiles: FileToWrite[] = [],
): Promise<boolean> {
  return withSnapshotLock(location.specDir, () =>
    writeSnapshotUnlocked(location, candidate, extraFiles),
  );
}

async function writeSnapshotUnlocked(
  location: SnapshotLocation,
  candidate: CandidateSpec,
  extraFiles: FileToWrite[],
): Promise<boolean> {
  const current = await readProvenance(location);
  const currentText = await readSnapshotText(location);
  const unchanged =
    current?.sha256 === candidate.provenance.sha256 &&
    current.source === candidate.provenance.source &&
    currentText !== undefined &&
    sha256(currentText) === candidate.provenance.sha256;
  if (unchanged && extraFiles.length === 0) return false;
  const files = snapshotFiles(location);
  await replaceFilesAtomically([
    ...(unchanged
      ? []
      : [
          { path: files.spec, content: candidate.bytes },
          { path: files.provenance, content: `${JSON.stringify(candidate.provenance, null, 2)}\n` },
        ]),
    ...extraFiles,
  ]);
  return !unchanged;
}
