import { sendBulkInChunks, type BulkOptions } from "../bulk-request.js";
import type { BulkResult, OutcomeData } from "../bulk.js";
import type { DixaCore } from "../core.js";
import type { DixaError } from "../errors.js";
import { pathSegment } from "../http/request-url.js";
import type { Endpoint, ListItem, RequestBody, ResponseData, Schemas } from "../types.js";
import { assertUuid, assertUuidList } from "../validate.js";
import {
  QueuesGeneratedMethods,
  checkQueuesAddMembersBody,
} from "../../generated/facade/queues.js";

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

type QueuesAddMembers = Endpoint<"/beta/queues/{queueId}/members", "patch">;

/** Dixa documents this cap per add or remove call, in the description of the members body. */
const maxMembersPerCall = 10;

/**
 * Adds agents or admins to a queue and tells, per agent id, whether it worked. Each success and
 * failure carries `index`, the id's position in `members.agentIds`, and `input`, the id. Dixa
 * takes at most 10 ids per call, so more go in several requests of 10 (or `chunkSize`), one after
 * another; if a whole request fails, each of its ids becomes a failure carrying that error, and
 * the other requests' results are kept.
 * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/patchqueuesqueueidmembers
 */
export async function queuesAddMembers(
  dixa: DixaCore,
  queueId: string,
  members: QueueMembersInput,
  options: BulkOptions = {},
): Promise<AddQueueMembersResult> {
  assertUuid(queueId, "queueId");
  checkQueuesAddMembersBody(members, "members");
  // The ids are what the outcomes pair with: at least one is needed (the spec leaves it optional).
  const agentIds = members.agentIds;
  assertUuidList(agentIds, "members.agentIds");
  return sendBulkInChunks<string, QueuesAddMembers["item"]>(
    dixa,
    "PATCH",
    "/beta/queues/{queueId}/members",
    `/beta/queues/${pathSegment(queueId, "queueId")}/members`,
    { body: (agentIds) => ({ ...members, agentIds }), maxPerRequest: maxMembersPerCall },
    agentIds,
    options,
  );
}

/** Queues that route conversations to agents. */
export class QueuesResource extends QueuesGeneratedMethods {
  /**
   * Adds agents or admins to a queue and tells, per agent id, whether it worked. Each success
   * and failure carries `index`, the id's position in `members.agentIds`, and `input`, the id.
   * Dixa takes at most 10 ids per call, so more go in several requests of 10 (or `chunkSize`),
   * one after another; if a whole request fails, each of its ids becomes a failure carrying
   * that error, and the other requests' results are kept.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/queues/patchqueuesqueueidmembers
   */
  addMembers(
    queueId: string,
    members: QueueMembersInput,
    options: BulkOptions = {},
  ): Promise<AddQueueMembersResult> {
    return queuesAddMembers(this.core, queueId, members, options);
  }
}
