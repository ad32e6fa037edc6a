import type { ResponseData } from "../types.js";

/** The organization: id, name, subdomain, status (`Active` or `Suspended`), avatar. */
export type Organization = ResponseData<"/beta/organization", "get">;
