/**
 * Global setup of the integration layer: a folder for the scripts that `runScript` compiles
 * (see run-script.ts), removed when the run ends. Inside the project, so that the packages a
 * bundle imports resolve from node_modules. Test workers are killed rather than left to exit,
 * so they cannot clean up after themselves.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { projectRoot } from "../../scripts/lib/project-paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    scriptBundleDir: string;
  }
}

export default function setup(project: TestProject) {
  mkdirSync(join(projectRoot, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(projectRoot, ".tmp", "scripts-"));
  project.provide("scriptBundleDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
