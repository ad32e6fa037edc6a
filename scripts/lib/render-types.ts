import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { FileToWrite } from "./atomic-write.js";
import { planFacade, type FacadePlan } from "./facade-plan.js";
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

export interface GeneratedFiles {
  files: FileToWrite[];
  /** The model the facade was rendered from (for the change report and the notes it carries). */
  plan: FacadePlan;
}

/**
 * Turns the spec text into the committed files of `generated/`, one step after another:
 * validate the document, build the facade's model (where every rule on spec text is applied, so
 * a refusal comes before any work is done or anything written), then render: openapi-typescript's
 * paths, components and operations, the operation table, the sandbox's example answers, the
 * facade and its coverage page, formatted with the project's prettier settings. A pure function
 * of the spec text and the naming table, so two runs give the same bytes and a staleness check
 * can compare them.
 */
export async function renderGeneratedFiles(
  specText: string,
  generatedDir: string,
  /** Started earlier, since it takes long to load: `npm run generate` starts it first thing. */
  typesChild = startTypesChild(),
): Promise<GeneratedFiles> {
  let document: OpenApiDocument;
  let plan: FacadePlan;
  try {
    // The project's corrections to Dixa's description (an OpenAPI Overlay) come before the model.
    document = (await correctSpec(validateSpecText(specText).document)).document;
    plan = planFacade(document);
  } catch (error) {
    typesChild.cancel();
    throw error;
  }
  const specSha256 = sha256(specText);
  const types = typesChild.render(document, specSha256);
  const files: FileToWrite[] = [];
  const add = async (file: string, render: (path: string) => Promise<string>) => {
    const path = join(generatedDir, file);
    files.push({ path, content: await render(path) });
  };
  try {
    await add(operationTableFileName, (path) => renderOperationTable(document, specSha256, path));
    await add(exampleAnswersFileName, (path) => renderExampleAnswers(document, specSha256, path));
    // Laid out by the generator itself, one line per entry (prettier leaves these files alone).
    for (const { file, source } of renderFacade(plan)) await add(file, async () => source);
    await add(coverageFileName, (path) => formatSource(renderCoverage(plan), path));
    await add(responseSchemasFileName, (path) =>
      formatSource(responseSchemasSource(document, specSha256), path),
    );
  } catch (error) {
    typesChild.cancel();
    throw error;
  }
  return {
    files: [{ path: join(generatedDir, typesFileName), content: await types }, ...files],
    plan,
  };
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
