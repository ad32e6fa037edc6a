import { createRequire } from "node:module";

/**
 * The snapshot is self-contained: validation refuses any reference that is not a local `#/…`
 * pointer. This module makes the tools that could follow one unable to, should a document ever
 * get past validation: redocly's resolver (used by the linter and, in an older copy, by
 * openapi-typescript) reads files and requests URLs for every external `$ref`, `externalValue`
 * and discriminator mapping it meets. (api-smart-diff resolves local pointers only.) The linter
 * gets a resolver that loads nothing (lint-document.ts); openapi-typescript is guarded here.
 */
export class ExternalRefRefusedError extends Error {
  override name = "ExternalRefRefusedError";
  constructor(readonly ref: string) {
    super(`external reference ${ref} refused: the snapshot must be self-contained`);
  }
}

interface RedoclyResolverClass {
  prototype: { loadExternalRef(absoluteRef: string): Promise<unknown> };
}

let openapiTypescriptGuarded = false;

/**
 * openapi-typescript builds its own redocly resolvers (one to lint, one inside `bundle`) and has
 * no option to swap them, so the loader of the very copy of @redocly/openapi-core it imports is
 * replaced, for this process, by one that refuses. Idempotent.
 */
export function refuseExternalRefsInOpenapiTypescript(): void {
  if (openapiTypescriptGuarded) return;
  const requireFromHere = createRequire(import.meta.url);
  const requireFromOpenapiTs = createRequire(requireFromHere.resolve("openapi-typescript"));
  const core = requireFromOpenapiTs("@redocly/openapi-core") as {
    BaseResolver: RedoclyResolverClass;
  };
  core.BaseResolver.prototype.loadExternalRef = async (absoluteRef: string) => {
    throw new ExternalRefRefusedError(absoluteRef);
  };
  openapiTypescriptGuarded = true;
}
