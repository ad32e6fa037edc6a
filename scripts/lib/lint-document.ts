import {
  BaseResolver,
  lintFromString,
  loadConfig,
  type NormalizedProblem,
} from "@redocly/openapi-core";
import { join } from "node:path";
import { ExternalRefRefusedError } from "./offline-resolver.js";
import { projectRoot } from "./project-paths.js";

/** A redocly resolver that loads nothing: every external reference fails, and is recorded. */
export class SnapshotOnlyResolver extends BaseResolver {
  readonly refused: string[] = [];

  override async loadExternalRef(absoluteRef: string): Promise<never> {
    this.refused.push(absoluteRef);
    throw new ExternalRefRefusedError(absoluteRef);
  }
}

export interface LintResult {
  problems: NormalizedProblem[];
  /** External references redocly tried to follow; the resolver loaded none of them. */
  refused: string[];
}

/**
 * Lints description text with the rules of `redocly.yaml`, through @redocly/openapi-core (the
 * engine of the Redocly CLI, same rules and findings) so the resolver can be one that never
 * reads a file or opens a connection: the document is linted from memory, and any external
 * reference redocly would follow fails as unresolved instead of being fetched.
 */
export async function lintSpecText(text: string, absoluteRef: string): Promise<LintResult> {
  const config = await loadConfig({ configPath: join(projectRoot, "redocly.yaml") });
  const resolver = new SnapshotOnlyResolver();
  const problems = await lintFromString({
    source: text,
    absoluteRef,
    config,
    externalRefResolver: resolver,
  });
  return { problems, refused: resolver.refused };
}
