import type { QueryParams, ResponseData } from "../types.js";

/** An e-mail address or a phone number customers reach the organization on. */
export type ContactEndpoint = ResponseData<"/beta/contact-endpoints/{contactEndpointId}", "get">;
/** `_type` narrows the list to `"EmailEndpoint"` or `"TelephonyEndpoint"` endpoints. */
export type ListContactEndpointsQuery = QueryParams<"/beta/contact-endpoints", "get">;
