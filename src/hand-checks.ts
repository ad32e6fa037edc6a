/**
 * Checks for what the spec cannot say, called by the generated methods the naming table marks
 * `check: true` after the checks generated from the spec. Each says where the rule comes from.
 */
import { assertCustomAttributeValues, describeValue } from "./validate.js";

/** Dixa's reference says `email` and `phone` exclude each other (an error if both are given). */
export function checkAgentsList(query: Readonly<Record<string, unknown>>): void {
  exclusive(query, ["email", "phone"]);
}

/** Dixa refuses a combination of the end-user filters (its reference says so). */
export function checkEndUsersList(query: Readonly<Record<string, unknown>>): void {
  exclusive(query, ["email", "phone", "externalId"]);
}

/** Dixa documents at most 10 ids per add or remove call in the members body's description. */
export function checkQueuesRemoveMembers(
  _queueId: string,
  members: Readonly<Record<string, unknown>>,
): void {
  const ids = members["agentIds"];
  if (Array.isArray(ids) && ids.length > 10) {
    throw new TypeError(
      `members.agentIds must hold at most 10 ids per call, got ${describeValue(ids)}`,
    );
  }
}

/**
 * Custom attribute values are keyed by the attribute's id: the spec types the body as a plain
 * map, so the UUID keys and the string (or list of strings) values are checked here.
 */
export function checkConversationsUpdateCustomAttributes(_id: number, attributes: object): void {
  assertCustomAttributeValues(attributes, "attributes");
}

/** As for conversations: keys are custom attribute ids, values strings or lists of them. */
export function checkEndUsersUpdateCustomAttributes(_id: string, attributes: object): void {
  assertCustomAttributeValues(attributes, "attributes");
}

function exclusive(query: Readonly<Record<string, unknown>>, names: readonly string[]): void {
  const used = names.filter((name) => query[name] !== undefined);
  if (used.length > 1) {
    throw new TypeError(`query may set only one of ${names.join(", ")}; got ${used.join(" and ")}`);
  }
}
