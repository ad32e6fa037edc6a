import { sendBulkInChunks, type BulkOptions } from "../bulk-request.js";
import type { BulkResult, OutcomeData } from "../bulk.js";
import type { DixaCore } from "../core.js";
import { pathSegment } from "../http/request-url.js";
import type { Schemas } from "../types.js";
import { assertUuid, assertUuidList } from "../validate.js";
import { checkBulkQueueEndpointInput } from "../../generated/facade/checks.js";
import { QueuesGeneratedMethods } from "../../generated/facade/resources.js";
import type { QueueMembersInput } from "../../generated/facade/types.js";

/** Per agent id (the input): on success, the id Dixa echoes back. */
export type AddQueueMembersResult = BulkResult<
  string,
  OutcomeData<Schemas["BulkActionOutcome_BulkError_UUID"]>,
  Schemas["BulkError"]
>;

type AddMembersArgs = [queueId: string, members: QueueMembersInput, options?: BulkOptions];

/** Dixa documents this cap per add or remove call, in the description of the members body. */
const maxMembersPerCall = 10;

/** The function form of {@link QueuesResource.addMembers}. */
export async function queuesAddMembers(
  dixa: DixaCore,
  ...[queueId, members, options = {}]: AddMembersArgs
): Promise<AddQueueMembersResult> {
  assertUuid(queueId, "queueId");
  checkBulkQueueEndpointInput(members, "members");
  // The ids are what the outcomes pair with: at least one is needed (the spec leaves it optional).
  const agentIds = members.agentIds;
  assertUuidList(agentIds, "members.agentIds");
  return sendBulkInChunks(
    dixa,
    {
      method: "PATCH",
      pathTemplate: "/beta/queues/{queueId}/members",
      path: `/beta/queues/${pathSegment(queueId, "queueId")}/members`,
      body: (agentIds) => ({ ...members, agentIds }),
      maxPerRequest: maxMembersPerCall,
    },
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
  addMembers(...args: AddMembersArgs): Promise<AddQueueMembersResult> {
    return queuesAddMembers(this.core, ...args);
  }
}
