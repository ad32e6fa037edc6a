/**
 * Everything generated/facade/ uses from src/, in one module: generated code imports nothing
 * else of src/, and nothing this module reaches imports generated/facade/, so the two layers
 * never form a cycle.
 */
export {
  anyArray,
  anyObject,
  anyString,
  arrayOf,
  between,
  booleanValue,
  dateTime,
  finiteNumber,
  integer,
  nonEmptyString,
  nullable,
  oneOf,
  positiveId,
  present,
  runCheck,
  shape,
  uuid,
} from "./checks.js";
export * from "./hand-checks.js";
export {
  asBody,
  asBulk,
  asData,
  asDataList,
  asDataObject,
  asPages,
  asVoid,
  body,
  items,
  path,
  perform,
  query,
} from "./operation.js";
export { Resource } from "./resource.js";
export type { BulkOptions, BulkResultOf } from "./bulk-request.js";
export type { OutcomeError } from "./bulk.js";
export type { DixaCore } from "./core.js";
export type { DixaError } from "./errors.js";
export type { Paginated } from "./paginate.js";
export type {
  CallOptions,
  EndpointAt,
  ListItem,
  ListQuery,
  Named,
  QueryParams,
  RequestBody,
  ResponseBody,
  ResponseData,
  Schemas,
} from "./types.js";
