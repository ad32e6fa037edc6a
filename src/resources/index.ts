/**
 * The resources written partly by hand, where Dixa needs more than the spec says: each class
 * extends the one generated from the spec with those methods. `createDixaClient` takes these
 * classes in place of the generated ones.
 */
import { AgentsResource } from "./agents.js";
import { AnalyticsResource } from "./analytics.js";
import { ConversationsResource } from "./conversations.js";
import { KnowledgeResource } from "./knowledge.js";
import { MessagesResource } from "./messages.js";
import { QueuesResource } from "./queues.js";
import { RatingsResource } from "./ratings.js";
import { SearchResource } from "./search.js";
import { TagsResource } from "./tags.js";
import { WebhooksResource } from "./webhooks.js";

export * from "./agents.js";
export * from "./analytics.js";
export * from "./conversations.js";
export * from "./knowledge.js";
export * from "./messages.js";
export * from "./queues.js";
export * from "./ratings.js";
export * from "./search.js";
export * from "./tags.js";
export * from "./webhooks.js";

export const handWrittenResources = {
  agents: AgentsResource,
  analytics: AnalyticsResource,
  conversations: ConversationsResource,
  knowledge: KnowledgeResource,
  messages: MessagesResource,
  queues: QueuesResource,
  ratings: RatingsResource,
  search: SearchResource,
  tags: TagsResource,
  webhooks: WebhooksResource,
} as const;

/** The hand-written resource classes' instances, by resource. */
export type HandWrittenResourceTypes = {
  [Name in keyof typeof handWrittenResources]: InstanceType<(typeof handWrittenResources)[Name]>;
};
