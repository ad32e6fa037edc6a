/**
 * The snapshot as a refreshed description might change it, the way a user meets it: one
 * operation added (`GET /beta/widgets`), one removed (`DELETE /beta/tags/{tagId}`), a query
 * parameter made required (`pageLimit` of `GET /beta/agents`), and the `meta` of a paged answer
 * removed (`GET /beta/endusers`, which then stops being paged). Three places the project's
 * overlay corrects change too: Dixa declares the `meta` of `GET /beta/knowledge/collections` (the
 * correction becomes redundant), drops `Tag.state` (its enum correction selects nothing), and
 * lists one more presence status in prose (the declared enum is out of date).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { projectRoot } from "./run-script.js";

export async function refreshedSpecText(): Promise<string> {
  const doc = parse(await readFile(join(projectRoot, "openapi", "dixa-beta.yaml"), "utf8"), {
    maxAliasCount: -1,
  }) as { paths: Record<string, any>; components: Record<string, any> };
  doc.paths["/beta/widgets"] = {
    get: {
      tags: ["Widgets"],
      summary: "List widgets",
      description: "Lists the chat widgets of the organization.",
      operationId: "getWidgets",
      responses: {
        "200": {
          description: "The widgets",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["data"],
                properties: {
                  data: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["id", "name"],
                      properties: { id: { type: "string" }, name: { type: "string" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
  delete doc.paths["/beta/tags/{tagId}"].delete;
  const pageLimit = doc.paths["/beta/agents"].get.parameters.find(
    (p: { name?: string }) => p.name === "pageLimit",
  );
  pageLimit.required = true;
  const endUsersAnswer = doc.paths["/beta/endusers"].get.responses["200"].content[
    "application/json"
  ].schema as { $ref?: string; properties?: Record<string, unknown> };
  const schema = endUsersAnswer.$ref
    ? doc.components["schemas"][endUsersAnswer.$ref.split("/").at(-1)!]
    : endUsersAnswer;
  delete schema.properties.meta;
  const schemas = doc.components["schemas"];
  schemas.ListKnowledgeCollectionsOutput.properties.meta = {
    $ref: "#/components/schemas/PaginationLinks",
  };
  delete schemas.Tag.properties.state;
  schemas.UserPresence.properties.presenceStatus.description = "values: [Away, Working, Busy]";
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}
