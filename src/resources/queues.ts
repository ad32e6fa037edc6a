import type { DixaApi } from "../api.js";
import type { BulkResult, OutcomeData } from "../bulk.js";
import { sendBulkInChunks, type BulkOptions } from "../bulk-request.js";
import type { DixaError } from "../errors.js";
import type { CallOptions, ListItem, RequestBody, ResponseData, Schemas } from "../types.js";
import {
  assertBoolean,
  assertConversationId,
  assertNonEmptyString,
  assertObject,
  assertUuid,
  assertUuidList,
  describeValue,
} from "../validate.js";

export type Queue = ResponseData<"/beta/queues/{queueId}", "get">;
export type CreateQueueInput = RequestBody<"/beta/queues", "post">;
/** An agent or admin in a queue, with their priority there. */
export type QueueMember = ListItem<"/beta/queues/{queueId}/members", "get">;
/** The agents or admins to add to or remove from a queue, by id. */
export type QueueMembersInput = RequestBody<"/beta/queues/{queueId}/members", "patch">;
/** Whether the queue can take conversations on one supported chat channel, or why that is unknown. */
export type QueueChannelAvailability = ListItem<"/beta/queues/{queueId}/availability", "get">;
/** Where a conversation waits in its current queue, and since when. */
export type QueuedConversationPosition = ResponseData<
  "/beta/queues/conversation-position/{csid}",
  "get"
>;
/** A per-agent failure from Dixa, or the error that made a whole chunk fail. */
export type QueueMemberFailure = Schemas["BulkError"] | DixaError;
/** Per agent id (the input): on success, the id Dixa echoes back. */
export type AddQueueMembersResult = BulkResult<
  string,
  OutcomeData<Schemas["BulkActionOutcome_BulkError_UUID"]>,
  Schemas["BulkError"]
>;

/** Dixa documents this limit per add or remove call, in the description of the members body. */
const maxMembersPerCall = 10;

/** Queues that route conversations to agents. */
export class QueuesResource {
  constructor(private readonly api: DixaApi) {}

  /**
   * Lists every queue of the organization with its routing settings, in one answer.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueues
   */
  async list(options?: CallOptions): Promise<Queue[]> {
    return this.api.data("get", "/beta/queues", {}, options);
  }

  /**
   * Fetches one queue by id.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesqueueid
   */
  async get(queueId: string, options?: CallOptions): Promise<Queue> {
    assertUuid(queueId, "queueId");
    return this.api.data(
      "get",
      "/beta/queues/{queueId}",
      { params: { path: { queueId } } },
      options,
    );
  }

  /**
   * Creates a queue. Its settings go inside `request`, where `name`, `callFunctionality`,
   * `isDefault` and `isDoNotOfferEnabled` are required.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/postqueues
   */
  async create(queue: CreateQueueInput, options?: CallOptions): Promise<Queue> {
    assertObject(queue, "queue");
    const request = queue["request"];
    assertObject(request, "queue.request");
    assertNonEmptyString(request["name"], "queue.request.name");
    assertBoolean(request["callFunctionality"], "queue.request.callFunctionality");
    assertBoolean(request["isDefault"], "queue.request.isDefault");
    assertBoolean(request["isDoNotOfferEnabled"], "queue.request.isDoNotOfferEnabled");
    return this.api.data("post", "/beta/queues", { body: queue }, options);
  }

  /**
   * Lists the agents and admins of a queue with their priority, in one answer.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesqueueidmembers
   */
  async listMembers(queueId: string, options?: CallOptions): Promise<QueueMember[]> {
    assertUuid(queueId, "queueId");
    return this.api.data(
      "get",
      "/beta/queues/{queueId}/members",
      { params: { path: { queueId } } },
      options,
    );
  }

  /**
   * Adds agents or admins to a queue and tells, per agent id, whether it worked. Each success
   * and failure carries `index`, the id's position in `members.agentIds`, and `input`, the id.
   * With `chunkSize`, ids go in several requests, one after another; if a whole request fails,
   * each of its ids becomes a failure carrying that error, and the other requests' results are
   * kept.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/patchqueuesqueueidmembers
   */
  async addMembers(
    queueId: string,
    members: QueueMembersInput,
    options: BulkOptions = {},
  ): Promise<AddQueueMembersResult> {
    assertUuid(queueId, "queueId");
    assertObject(members, "members");
    const agentIds = members["agentIds"];
    assertUuidList(agentIds, "members.agentIds");
    return sendBulkInChunks(
      this.api,
      "patch",
      "/beta/queues/{queueId}/members",
      {
        path: { queueId },
        body: (chunk) => ({ ...members, agentIds: chunk }),
        maxPerRequest: maxMembersPerCall,
      },
      agentIds,
      options,
    );
  }

  /**
   * Removes agents or admins from a queue; Dixa takes at most 10 ids per call, so more are
   * refused before sending.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/deletequeuesqueueidmembers
   */
  async removeMembers(
    queueId: string,
    members: QueueMembersInput,
    options?: CallOptions,
  ): Promise<void> {
    assertUuid(queueId, "queueId");
    assertObject(members, "members");
    const agentIds = members["agentIds"];
    assertUuidList(agentIds, "members.agentIds");
    if (agentIds.length > maxMembersPerCall) {
      throw new TypeError(
        `members.agentIds must hold at most ${maxMembersPerCall} ids per call, got ${describeValue(agentIds)}`,
      );
    }
    return this.api.void(
      "delete",
      "/beta/queues/{queueId}/members",
      { params: { path: { queueId } }, body: members },
      options,
    );
  }

  /**
   * Says, per supported chat channel, whether the queue can take conversations now (with the
   * number waiting when it cannot), or the error that kept Dixa from finding out.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesqueueidavailability
   */
  async getAvailability(
    queueId: string,
    options?: CallOptions,
  ): Promise<QueueChannelAvailability[]> {
    assertUuid(queueId, "queueId");
    return this.api.data(
      "get",
      "/beta/queues/{queueId}/availability",
      { params: { path: { queueId } } },
      options,
    );
  }

  /**
   * The approximate position of a waiting conversation in its current queue.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesconversation-positioncsid
   */
  async getConversationPosition(
    csid: number,
    options?: CallOptions,
  ): Promise<QueuedConversationPosition> {
    assertConversationId(csid, "csid");
    return this.api.data(
      "get",
      "/beta/queues/conversation-position/{csid}",
      { params: { path: { csid } } },
      options,
    );
  }
}
