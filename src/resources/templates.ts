import type { DixaApi } from "../api.js";
import type { Paginated } from "../paginate.js";
import type { CallOptions, ListItem, ListQuery } from "../types.js";
import { assertObject, assertPositiveInteger, assertUuid } from "../validate.js";

/** A quick response or an e-mail auto-reply. */
export type Template = ListItem<"/beta/templates", "get">;
/** `type` narrows the list to `"QuickResponse"` or `"EmailAutoReply"` templates. */
export type ListTemplatesQuery = ListQuery<"/beta/templates", "get">;

/** Message templates. */
export class TemplatesResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists the organization's templates, page by page as you iterate; filter by `type`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/templates/gettemplates
   */
  list(query: ListTemplatesQuery = {}, options?: CallOptions): Paginated<Template> {
    assertObject(query, "query");
    if (query.pageLimit !== undefined) assertPositiveInteger(query.pageLimit, "query.pageLimit");
    return this.api.list("get", "/beta/templates", { params: { query } }, options);
  }

  /**
   * Deletes a template for good. Check first that no flow or automation still uses it: the
   * deletion cannot be undone.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/templates/deletetemplatestemplateid
   */
  async delete(templateId: string, options?: CallOptions): Promise<void> {
    assertUuid(templateId, "templateId");
    return this.api.void(
      "delete",
      "/beta/templates/{templateId}",
      { params: { path: { templateId } } },
      options,
    );
  }
}
