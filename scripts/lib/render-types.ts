import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { FileToWrite } from "./atomic-write.js";
import { planFacade } from "./facade-plan.js";
import { renderCoverage } from "./render-coverage.js";
import { renderExampleAnswers } from "./render-example-answers.js";
import { renderFacade } from "./render-facade.js";
import { renderOperationTable } from "./render-operation-table.js";
import { formatSource } from "./format-source.js";
import { startTypesChild } from "./types-child.js";
import { sha256 } from "./snapshot.js";
import { validateSpecText, type OpenApiDocument } from "./spec-document.js";
import { correctSpec } from "./apply-overlay.js";
import { responseSchemasFileName, responseSchemasSource } from "./render-response-schemas.js";

export const typesFileName = "dixa-beta.ts";
export const operationTableFileName = "operation-table.ts";
export const coverageFileName = "coverage.md";
export const exampleAnswersFileName = "example-answers.ts";

/**
 * Turns the spec text into the committed files of `generated/`: openapi-typescript's paths,
 * components and operations, and the derived operation table, formatted with the project's
 * prettier settings. A pure function of the spec text, so two runs give the same bytes and a
 * staleness check can compare them.
 */
export async function renderGeneratedFiles(
  specText: string,
  generatedDir: string,
  /** Started earlier, since it takes long to load: `npm run generate` starts it first thing. */
  typesChild = startTypesChild(),
): Promise<FileToWrite[]> {
  let document: OpenApiDocument;
  try {
    document = (await correctSpec(validateSpecText(specText).document)).document;
  } catch (error) {
    typesChild.cancel();
    throw error;
  }
  const specSha256 = sha256(specText);
  const types = typesChild.render(document, specSha256);
  const plan = planFacade(document);
  const files: FileToWrite[] = [];
  const add = async (file: string, render: (path: string) => Promise<string>) => {
    const path = join(generatedDir, file);
    files.push({ path, content: await render(path) });
  };
  await add(operationTableFileName, (path) => renderOperationTable(document, specSha256, path));
  await add(exampleAnswersFileName, (path) => renderExampleAnswers(document, specSha256, path));
  for (const { file, source } of renderFacade(document, plan)) {
    await add(file, (path) => formatSource(source, path));
  }
  await add(coverageFileName, (path) => formatSource(renderCoverage(plan), path));
  await add(responseSchemasFileName, (path) =>
    formatSource(responseSchemasSource(document, specSha256), path),
  );
  return [{ path: join(generatedDir, typesFileName), content: await types }, ...files];
}

/** Files in generated/facade/ that a render did not produce: left over from an older spec. */
export async function staleFacadeFiles(expected: readonly string[], generatedDir: string) {
  const dir = join(generatedDir, "facade");
  const present = await readdir(dir).catch(() => [] as string[]);
  return present.map((name) => join(dir, name)).filter((path) => !expected.includes(path));
}

export async function removeStaleFacadeFiles(
  expected: readonly string[],
  generatedDir: string,
): Promise<string[]> {
  const stale = await staleFacadeFiles(expected, generatedDir);
  for (const path of stale) await rm(path);
  return stale;
}
