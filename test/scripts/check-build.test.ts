/**
 * A refresh that would leave a package that no longer builds is refused before it replaces
 * anything: the rendered files are bundled and type-checked with the package in memory, and the
 * refusal says where the build breaks.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { checkBundle, checkTypes } from "../../scripts/lib/check-build.js";
import { renderGeneratedFiles } from "../../scripts/lib/render-types.js";
import { projectRoot } from "../support/run-script.js";

const generatedDir = join(projectRoot, "generated");

/** The real spec less the operations at `paths`. */
async function without(...paths: string[]): Promise<string> {
  const doc = parse(await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8"), {
    maxAliasCount: -1,
  }) as { paths: Record<string, unknown> };
  for (const path of paths) delete doc.paths[path];
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}

describe("the build check before a refresh replaces generated/", () => {
  it("refuses a client whose hand-written part lost the generated class it extends", async () => {
    // Every webhooks operation gone: src/resources/webhooks.ts imports a class and checks no
    // longer generated.
    const { files } = await renderGeneratedFiles(
      await without(
        "/beta/webhooks",
        "/beta/webhooks/{webhookSubscriptionId}",
        "/beta/webhooks/{webhookSubscriptionId}/delivery-status",
        "/beta/webhooks/{webhookSubscriptionId}/delivery-status/logs/{event}",
      ),
      generatedDir,
    );
    await expect(checkBundle(files, generatedDir)).rejects.toThrow(
      /the regenerated client does not build: No matching export in "generated\/facade\/[a-z]+\.ts" for import "[A-Za-z]+" \(src\/resources\/webhooks\.ts:\d+\)/,
    );
  }, 120_000);

  it("refuses a client that bundles but no longer type-checks, naming the file", async () => {
    // Creating a conversation gone: its answer's type, which the hand-written code names, goes too.
    const { files } = await renderGeneratedFiles(
      await without("/beta/conversations"),
      generatedDir,
    );
    await checkBundle(files, generatedDir);
    expect(() => checkTypes(files)).toThrow(
      /the regenerated client does not type-check: .*CreatedConversation.* \(src\/resources\/conversations\.ts:\d+\)/,
    );
  }, 120_000);
});
