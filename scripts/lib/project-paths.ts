import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The repository root, found from this file so scripts work from any working directory. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

export const defaultSpecDir = join(projectRoot, "openapi");
export const specFileName = "dixa-beta.yaml";
export const provenanceFileName = "provenance.json";
export const defaultGeneratedDir = join(projectRoot, "generated");
