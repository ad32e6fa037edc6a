import type { ListItem, ListQuery } from "../types.js";

/** A quick response or an e-mail auto-reply. */
export type Template = ListItem<"/beta/templates", "get">;
/** `type` narrows the list to `"QuickResponse"` or `"EmailAutoReply"` templates. */
export type ListTemplatesQuery = ListQuery<"/beta/templates", "get">;
