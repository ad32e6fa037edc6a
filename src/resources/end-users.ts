import type { DixaApi } from "../api.js";
import type { BulkResult } from "../bulk.js";
import { sendBulkInChunks, type BulkOptions } from "../bulk-request.js";
import type { DixaError } from "../errors.js";
import type { Paginated } from "../paginate.js";
import type {
  CallOptions,
  ListItem,
  ListQuery,
  QueryParams,
  RequestBody,
  ResponseData,
  Schemas,
} from "../types.js";
import {
  assertBoolean,
  assertCustomAttributeValues,
  assertItems,
  assertNonEmptyString,
  assertObject,
  assertUuid,
  ifPresent,
} from "../validate.js";

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
export type CreateManyEndUsersResult = BulkResult<
  CreateEndUserInput,
  EndUser,
  Schemas["BulkError"]
>;
export type UpdateManyEndUsersResult = BulkResult<
  UpdateManyEndUsersItem,
  EndUser,
  Schemas["BulkError"]
>;
export type PatchManyEndUsersResult = BulkResult<
  PatchManyEndUsersItem,
  EndUser,
  Schemas["BulkError"]
>;
export type AnonymizeEndUserQuery = QueryParams<"/beta/endusers/{userId}/anonymize", "patch">;
/**
 * The queued anonymization request Dixa answers with (202). Read the kind from `_type`: the
 * deprecated `entityType` arrives as a string (`"UserAnonymizationType"`) though the spec types it as an object.
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

/** The filters of `endUsers.list` that Dixa refuses to combine. */
const exclusiveFilters = ["email", "phone", "externalId"] as const;

/** End users (contacts): the customers who talk to the organization. */
export class EndUsersResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists the organization's end users, page by page as you iterate. Filter by one of `email`,
   * `phone` or `externalId` (Dixa refuses a combination, so this throws a TypeError at once).
   * Custom attributes are not included; use `get` for them.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusers
   */
  list(query: ListEndUsersQuery = {}, options?: CallOptions): Paginated<EndUser> {
    assertObject(query, "query");
    const used = exclusiveFilters.filter((name) => query[name] !== undefined);
    if (used.length > 1) {
      throw new TypeError(
        `query may set only one of ${exclusiveFilters.join(", ")}; got ${used.join(" and ")}`,
      );
    }
    return this.api.list("get", "/beta/endusers", { params: { query } }, options);
  }

  /**
   * Fetches one end user by id, custom attributes included.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusersuserid
   */
  async get(userId: string, options?: CallOptions): Promise<EndUser> {
    assertUuid(userId, "userId");
    return this.api.data(
      "get",
      "/beta/endusers/{userId}",
      { params: { path: { userId } } },
      options,
    );
  }

  /**
   * Creates one end user.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/postendusers
   */
  async create(endUser: CreateEndUserInput, options?: CallOptions): Promise<EndUser> {
    assertObject(endUser, "endUser");
    return this.api.data("post", "/beta/endusers", { body: endUser }, options);
  }

  /**
   * Creates many end users and tells, per end user, whether it was created. Each success and
   * failure carries `index`, the end user's position in `endUsers`. With `chunkSize`, end users
   * go in several requests, one after another; if a whole request fails, each of its end users
   * becomes a failure carrying that error, and the other requests' results are kept.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/postendusersbulk
   */
  async createMany(
    endUsers: readonly CreateEndUserInput[],
    options: BulkOptions = {},
  ): Promise<CreateManyEndUsersResult> {
    assertItems(endUsers, "endUsers", assertObject);
    return sendBulkInChunks(
      this.api,
      "post",
      "/beta/endusers/bulk",
      { body: (chunk) => ({ data: chunk }) },
      endUsers,
      options,
    );
  }

  /**
   * Replaces an end user's details (fields left out are cleared); `displayName` is required.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/putendusersuserid
   */
  async update(
    userId: string,
    endUser: UpdateEndUserInput,
    options?: CallOptions,
  ): Promise<EndUser> {
    assertUuid(userId, "userId");
    assertObject(endUser, "endUser");
    assertNonEmptyString(endUser["displayName"], "endUser.displayName");
    return this.api.data(
      "put",
      "/beta/endusers/{userId}",
      { params: { path: { userId } }, body: endUser },
      options,
    );
  }

  /**
   * Fully updates many end users, each naming its end user by `id` (and carrying the required
   * `displayName`), and tells per item whether it worked. Indexes and chunking work as in
   * `createMany`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/putendusers
   */
  async updateMany(
    endUsers: readonly UpdateManyEndUsersItem[],
    options: BulkOptions = {},
  ): Promise<UpdateManyEndUsersResult> {
    assertItems(endUsers, "endUsers", (endUser, label) => {
      assertObject(endUser, label);
      assertUuid(endUser["id"], `${label}.id`);
      assertNonEmptyString(endUser["displayName"], `${label}.displayName`);
    });
    return sendBulkInChunks(
      this.api,
      "put",
      "/beta/endusers",
      { body: (chunk) => ({ data: chunk }) },
      endUsers,
      options,
    );
  }

  /**
   * Changes only the given fields of an end user.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusersuserid
   */
  async patch(userId: string, patch: PatchEndUserInput, options?: CallOptions): Promise<EndUser> {
    assertUuid(userId, "userId");
    assertObject(patch, "patch");
    return this.api.data(
      "patch",
      "/beta/endusers/{userId}",
      { params: { path: { userId } }, body: patch },
      options,
    );
  }

  /**
   * Partially updates many end users, each naming its end user by `id`, and tells per item
   * whether it worked. Indexes and chunking work as in `createMany`.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusers
   */
  async patchMany(
    patches: readonly PatchManyEndUsersItem[],
    options: BulkOptions = {},
  ): Promise<PatchManyEndUsersResult> {
    assertItems(patches, "patches", (patch, label) => {
      assertObject(patch, label);
      assertUuid(patch["id"], `${label}.id`);
    });
    return sendBulkInChunks(
      this.api,
      "patch",
      "/beta/endusers",
      { body: (chunk) => ({ data: chunk }) },
      patches,
      options,
    );
  }

  /**
   * Asks Dixa to anonymize an end user, together with their conversations and messages. The
   * work is queued: the answer is the anonymization request, not its result. With
   * `force: true`, conversations the end user started that are still open are closed first.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusersuseridanonymize
   */
  async anonymize(
    userId: string,
    query: AnonymizeEndUserQuery = {},
    options?: CallOptions,
  ): Promise<EndUserAnonymizationRequest> {
    assertUuid(userId, "userId");
    assertObject(query, "query");
    ifPresent(query["force"], "query.force", assertBoolean);
    return this.api.data(
      "patch",
      "/beta/endusers/{userId}/anonymize",
      { params: { path: { userId }, query } },
      options,
    );
  }

  /**
   * Sets custom attribute values on an end user, keyed by custom attribute id; answers the
   * end user's resulting attributes.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusersuseridcustom-attributes
   */
  async updateCustomAttributes(
    userId: string,
    attributes: EndUserCustomAttributesInput,
    options?: CallOptions,
  ): Promise<EndUserCustomAttribute[]> {
    assertUuid(userId, "userId");
    assertCustomAttributeValues(attributes, "attributes");
    return this.api.data(
      "patch",
      "/beta/endusers/{userId}/custom-attributes",
      { params: { path: { userId } }, body: attributes },
      options,
    );
  }

  /**
   * Lists the conversations an end user requested, page by page as you iterate. Custom
   * attributes are not included; use `conversations.get` for them.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusersuseridconversations
   */
  listConversations(
    userId: string,
    query: ListEndUserConversationsQuery = {},
    options?: CallOptions,
  ): Paginated<EndUserConversation> {
    assertUuid(userId, "userId");
    assertObject(query, "query");
    return this.api.list(
      "get",
      "/beta/endusers/{userId}/conversations",
      { params: { path: { userId }, query } },
      options,
    );
  }
}
