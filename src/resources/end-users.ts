import type { BulkResult } from "../bulk.js";
import type { DixaError } from "../errors.js";
import type {
  ListItem,
  ListQuery,
  QueryParams,
  RequestBody,
  ResponseData,
  Schemas,
} from "../types.js";

/** An end user (contact) as Dixa sends it; lists leave out `customAttributes`. */
export type EndUser = ResponseData<"/beta/endusers/{userId}", "get">;
/** Filters of `endUsers.list`: at most one of `email`, `phone`, `externalId`. */
export type ListEndUsersQuery = ListQuery<"/beta/endusers", "get">;
export type CreateEndUserInput = RequestBody<"/beta/endusers", "post">;
/** A full update: fields left out are cleared; `displayName` is required. */
export type UpdateEndUserInput = RequestBody<"/beta/endusers/{userId}", "put">;
/** A partial update: only the given fields change. */
export type PatchEndUserInput = RequestBody<"/beta/endusers/{userId}", "patch">;
/** One item of `updateMany`: a full update that names the end user by `id`. */
export type UpdateManyEndUsersItem = NonNullable<
  RequestBody<"/beta/endusers", "put">["data"]
>[number];
/** One item of `patchMany`: a partial update that names the end user by `id`. */
export type PatchManyEndUsersItem = NonNullable<
  RequestBody<"/beta/endusers", "patch">["data"]
>[number];
/** A per-end-user failure from Dixa, or the error that made a whole chunk fail. */
export type EndUserBulkFailure = Schemas["BulkError"] | DixaError;
/** What `endUsers.createMany` resolves to: a success or a failure per input, by `index`. */
export type CreateManyEndUsersResult = BulkResult<
  CreateEndUserInput,
  EndUser,
  Schemas["BulkError"]
>;
/** What `endUsers.updateMany` resolves to: a success or a failure per input, by `index`. */
export type UpdateManyEndUsersResult = BulkResult<
  UpdateManyEndUsersItem,
  EndUser,
  Schemas["BulkError"]
>;
/** What `endUsers.patchMany` resolves to: a success or a failure per input, by `index`. */
export type PatchManyEndUsersResult = BulkResult<
  PatchManyEndUsersItem,
  EndUser,
  Schemas["BulkError"]
>;
export type AnonymizeEndUserQuery = QueryParams<"/beta/endusers/{userId}/anonymize", "patch">;
/**
 * The queued anonymization request Dixa answers with (202). Read the kind from `_type`: the
 * deprecated `entityType` arrives as a string (`"UserAnonymizationType"`) (typed so by the overlay; Dixa's description has an object).
 */
export type EndUserAnonymizationRequest = ResponseData<
  "/beta/endusers/{userId}/anonymize",
  "patch"
>;
/** Custom attribute values keyed by the custom attribute's id (a UUID). */
export type EndUserCustomAttributesInput = RequestBody<
  "/beta/endusers/{userId}/custom-attributes",
  "patch"
>;
export type EndUserCustomAttribute = ListItem<"/beta/endusers/{userId}/custom-attributes", "patch">;
/** A conversation requested by the end user (channel-specific shape, tagged by `_type`). */
export type EndUserConversation = ListItem<"/beta/endusers/{userId}/conversations", "get">;
export type ListEndUserConversationsQuery = ListQuery<
  "/beta/endusers/{userId}/conversations",
  "get"
>;
