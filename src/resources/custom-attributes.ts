import type { ResponseData } from "../types.js";

/** The definition of a custom attribute of conversations or contacts (text or select). */
export type CustomAttributeDefinition = ResponseData<
  "/beta/custom-attributes/{customAttributeId}",
  "get"
>;
