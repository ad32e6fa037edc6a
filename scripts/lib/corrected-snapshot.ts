import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { correctSpec } from "./apply-overlay.js";
import { defaultSpecDir, specFileName } from "./project-paths.js";
import { validateSpecText } from "./spec-document.js";

/**
 * The snapshot as the project's overlay corrects it, written to a temporary file for a tool
 * that reads a file (Prism): the mock then answers and checks requests as the generated client
 * expects, instead of as Dixa's uncorrected description says.
 */
export async function writeCorrectedSnapshot(): Promise<{ file: string; remove(): Promise<void> }> {
  const text = await readFile(join(defaultSpecDir, specFileName), "utf8");
  const { document } = await correctSpec(validateSpecText(text).document);
  const dir = await mkdtemp(join(tmpdir(), "dixa-beta-corrected-"));
  const file = join(dir, "dixa-beta.corrected.json");
  await writeFile(file, JSON.stringify(document));
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
