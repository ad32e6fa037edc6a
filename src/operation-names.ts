/**
 * The facade's name for every operation of the spec: one line each. `npm run generate` turns
 * each line into a typed function (`notesCreate(core, ...)`) and a method of its resource
 * (`client.notes.create(...)`), with argument checks, paging and the `{ data }` envelope taken
 * from the spec. To add a plain operation, add its line here and run `npm run generate`; one the
 * table does not name yet still gets a method, under a default name to review.
 *
 * - `call`: `resource.method`.
 * - `body`: the name of the request-body parameter (default `body`), as it appears in
 *   errors (`note.message must be ...`) and in editors.
 * - `hand`: written by hand in `src/resources/<resource>.ts`, where Dixa needs more than the
 *   spec says (`_type` tagging, uploads, analytics periods, bare lists, `partialErrors`, a
 *   bulk call whose items are not the body's list); the generator links it into the resource.
 * - `check`: the generated method also calls `check<Resource><Method>` from
 *   `src/resources/<resource>.ts`, for what the spec cannot say (a documented cap, filters that
 *   exclude each other); each such check says why.
 * - `docPage`: the section of Dixa's API reference the operation's page is in, where it is not
 *   the spec's first tag.
 */
export interface OperationName {
  call: `${string}.${string}`;
  body?: string;
  hand?: true;
  check?: true;
  docPage?: string;
}

// One line per operation, however long: prettier leaves the table alone.
// prettier-ignore
export const operationNames: Record<string, OperationName> = {
  getAnalyticsMetrics: { call: "analytics.listMetrics" },
  postAnalyticsMetrics: { call: "analytics.getMetricData", hand: true },
  getAnalyticsMetricsMetricid: { call: "analytics.getMetric" },
  getAnalyticsFilterFilterattribute: { call: "analytics.listFilterValues" },
  getAnalyticsRecords: { call: "analytics.listRecords" },
  postAnalyticsRecords: { call: "analytics.listRecordData", hand: true },
  getAnalyticsRecordsRecordid: { call: "analytics.getRecord" },
  getAgentsPresence: { call: "agents.listPresence", hand: true },
  getAgents: { call: "agents.list", check: true },
  putAgents: { call: "agents.updateMany", body: "agents" },
  postAgents: { call: "agents.create", body: "agent" },
  patchAgents: { call: "agents.patchMany", body: "patches" },
  getAgentsAgentidTeams: { call: "agents.listTeams" },
  getAgentsAgentidPresence: { call: "agents.getPresence" },
  postAgentsBulk: { call: "agents.createMany", body: "agents" },
  getAgentsAgentid: { call: "agents.get" },
  putAgentsAgentid: { call: "agents.update", body: "agent" },
  deleteAgentsAgentid: { call: "agents.delete" },
  patchAgentsAgentid: { call: "agents.patch", body: "patch" },
  "putAgentsAgentidPresenceWorking-channel": { call: "agents.setWorkingChannel", body: "input" },
  getEndusers: { call: "endUsers.list", check: true },
  putEndusers: { call: "endUsers.updateMany", body: "endUsers" },
  postEndusers: { call: "endUsers.create", body: "endUser" },
  patchEndusers: { call: "endUsers.patchMany", body: "patches" },
  postEndusersBulk: { call: "endUsers.createMany", body: "endUsers" },
  getEndusersUserid: { call: "endUsers.get" },
  putEndusersUserid: { call: "endUsers.update", body: "endUser" },
  patchEndusersUserid: { call: "endUsers.patch", body: "patch" },
  patchEndusersUseridAnonymize: { call: "endUsers.anonymize" },
  "patchEndusersUseridCustom-attributes": { call: "endUsers.updateCustomAttributes", body: "attributes", check: true },
  getEndusersUseridConversations: { call: "endUsers.listConversations" },
  getTeams: { call: "teams.list" },
  postTeams: { call: "teams.create", body: "team" },
  getTeamsTeamidAgents: { call: "teams.listMembers" },
  deleteTeamsTeamidAgents: { call: "teams.removeMembers", body: "members" },
  patchTeamsTeamidAgents: { call: "teams.addMembers", body: "members" },
  getTeamsTeamidPresence: { call: "teams.listPresence" },
  getTeamsTeamid: { call: "teams.get" },
  deleteTeamsTeamid: { call: "teams.delete" },
  patchConversationsConversationidAnonymize: { call: "conversations.anonymize" },
  patchConversationsConversationidMessagesMessageidAnonymize: { call: "messages.anonymize" },
  putConversationsConversationidClose: { call: "conversations.close", body: "input" },
  putConversationsConversationidFollowup: { call: "conversations.followUp", body: "followUp" },
  putConversationsConversationidReopen: { call: "conversations.reopen", body: "input" },
  putConversationsConversationidTransferQueue: { call: "conversations.transferToQueue", body: "transfer" },
  postConversationsConversationidNotesBulk: { call: "notes.createMany", body: "notes", docPage: "internal-notes" },
  getConversationsConversationidNotes: { call: "notes.list", docPage: "internal-notes" },
  postConversationsConversationidNotes: { call: "notes.create", body: "note", docPage: "internal-notes" },
  postConversationsConversationidRatingsRatingidSubmit: { call: "ratings.submit", hand: true, docPage: "chatbots" },
  postConversationsConversationidRatingsOffer: { call: "ratings.offer", body: "offer", docPage: "chatbots" },
  getConversationsConversationidRating: { call: "ratings.listLegacy" },
  getConversationsConversationidRatings: { call: "ratings.list", docPage: "ratings" },
  getConversationsActivitylog: { call: "conversations.listOrganizationActivityLog" },
  getConversationsFlows: { call: "conversations.listFlows" },
  putConversationsConversationidTagsTagid: { call: "tags.tagConversation", docPage: "tags" },
  deleteConversationsConversationidTagsTagid: { call: "tags.untagConversation", docPage: "tags" },
  postConversationsConversationidTagsBulk: { call: "tags.tagConversationByNames", hand: true, docPage: "tags" },
  getConversationsConversationidTags: { call: "tags.listForConversation", docPage: "tags" },
  getConversationsConversationidMessages: { call: "messages.list" },
  postConversationsConversationidMessages: { call: "messages.create", hand: true },
  postConversations: { call: "conversations.create", hand: true },
  postConversationsImport: { call: "conversations.import", hand: true },
  "patchConversationsConversationidCustom-attributes": { call: "conversations.updateCustomAttributes", body: "attributes", check: true },
  putConversationsConversationidClaim: { call: "conversations.claim", body: "claim" },
  getConversationsConversationidActivitylog: { call: "conversations.getActivityLog" },
  getConversationsConversationid: { call: "conversations.get" },
  putConversationsConversationidLink: { call: "conversations.link", body: "link" },
  getConversationsConversationidLinked: { call: "conversations.listLinked" },
  getQueues: { call: "queues.list" },
  postQueues: { call: "queues.create", body: "queue" },
  getQueuesQueueidMembers: { call: "queues.listMembers" },
  deleteQueuesQueueidMembers: { call: "queues.removeMembers", body: "members", check: true },
  patchQueuesQueueidMembers: { call: "queues.addMembers", hand: true },
  getQueuesQueueidAvailability: { call: "queues.getAvailability" },
  getQueuesQueueid: { call: "queues.get" },
  "getQueuesConversation-positionCsid": { call: "queues.getConversationPosition" },
  getTags: { call: "tags.list" },
  postTags: { call: "tags.create", body: "tag" },
  getTagsTagid: { call: "tags.get" },
  deleteTagsTagid: { call: "tags.delete" },
  patchTagsTagidDeactivate: { call: "tags.deactivate" },
  patchTagsTagidActivate: { call: "tags.activate" },
  getAnonymizationRequestRequestid: { call: "anonymization.getRequest" },
  postAnonymization: { call: "anonymization.request", body: "entity" },
  "getContact-endpointsContactendpointid": { call: "contactEndpoints.get" },
  "getContact-endpoints": { call: "contactEndpoints.list" },
  "getCustom-attributesCustomattributeid": { call: "customAttributes.get" },
  "getCustom-attributes": { call: "customAttributes.list" },
  getSearchConversations: { call: "search.conversationsByQuery" },
  postSearchConversations: { call: "search.conversations", hand: true },
  getWebhooksWebhooksubscriptionid: { call: "webhooks.get" },
  deleteWebhooksWebhooksubscriptionid: { call: "webhooks.delete" },
  patchWebhooksWebhooksubscriptionid: { call: "webhooks.update", hand: true },
  getWebhooks: { call: "webhooks.list" },
  postWebhooks: { call: "webhooks.create", hand: true },
  "getWebhooksWebhooksubscriptionidDelivery-status": { call: "webhooks.getDeliveryStatus" },
  "getWebhooksWebhooksubscriptionidDelivery-statusLogsEvent": { call: "webhooks.listDeliveryLogs" },
  getTemplates: { call: "templates.list" },
  deleteTemplatesTemplateid: { call: "templates.delete" },
  "getBusiness-hoursSchedules": { call: "businessHours.listSchedules" },
  "getBusiness-hoursSchedulesScheduleidDefinition": { call: "businessHours.getScheduleDefinition" },
  "getBusiness-hoursSchedulesScheduleidUpcoming": { call: "businessHours.getUpcoming" },
  "getBusiness-hoursSchedulesScheduleidStatus": { call: "businessHours.getStatus" },
  getKnowledgeCollectionsCollectionid: { call: "knowledge.getCollection" },
  getKnowledgeCollectionsCollectionidCatalog: { call: "knowledge.getCollectionCatalog" },
  getKnowledgeCategoriesCategoryid: { call: "knowledge.getCategory" },
  getKnowledgeCategoriesCategoryidTranslations: { call: "knowledge.listCategoryTranslations" },
  getKnowledgeArticlesArticleid: { call: "knowledge.getArticle" },
  deleteKnowledgeArticlesArticleid: { call: "knowledge.deleteArticle" },
  patchKnowledgeArticlesArticleid: { call: "knowledge.updateArticle", body: "changes" },
  getKnowledgeArticlesArticleidTranslations: { call: "knowledge.listArticleTranslations" },
  patchKnowledgeArticlesArticleidTranslations: { call: "knowledge.updateArticleTranslations", body: "changes" },
  postKnowledgeArticles: { call: "knowledge.createArticle", body: "article" },
  postKnowledgeArticlesArticleidTranslationsLanguageidPublish: { call: "knowledge.publishTranslation" },
  postKnowledgeArticlesArticleidTranslationsLanguageidUnpublish: { call: "knowledge.unpublishTranslation" },
  deleteKnowledgeArticlesArticleidTranslationsLanguageid: { call: "knowledge.deleteTranslation" },
  postKnowledgeArticlesArticleidPublish: { call: "knowledge.publishArticle" },
  postKnowledgeArticlesArticleidUnpublish: { call: "knowledge.unpublishArticle" },
  patchKnowledgeArticlesArticleidParentParentid: { call: "knowledge.moveArticle" },
  deleteKnowledgeArticlesArticleidParent: { call: "knowledge.removeArticleParent" },
  getKnowledgeCollections: { call: "knowledge.listCollections" },
  postKnowledgeArticlesAttachments: { call: "knowledge.uploadAttachments", hand: true },
  getOrganization: { call: "organization.get" },
};

/** What each resource is for: the doc comment of its class. */
export const resourceDocs: Record<string, string> = {
  agents: "Agents and administrators of the organization.",
  analytics: "Analytics: metrics and records catalogues and their data.",
  anonymization: "Anonymization requests and their status.",
  businessHours: "Business hours schedules.",
  contactEndpoints:
    "Contact endpoints: the addresses and numbers customers reach the organization on.",
  conversations: "Conversations: create, import, read, route and change their state.",
  customAttributes: "Custom attribute definitions.",
  endUsers: "End users (contacts): the customers who talk to the organization.",
  knowledge: "Knowledge base: collections, categories, articles and translations.",
  messages: "Messages in a conversation.",
  notes: "Internal notes on a conversation: visible to agents, never to the end user.",
  organization: "The organization the token belongs to.",
  queues: "Queues that route conversations to agents.",
  ratings: "Rating surveys offered on conversations and the customers' answers.",
  search: "Conversation search.",
  tags: "Tags, and tagging conversations.",
  teams: "Teams of agents.",
  templates: "Message templates.",
  webhooks: "Webhook subscriptions and their delivery logs.",
};
