/**
 * The facade's name for every operation of the spec, one line each: an input of the generator
 * (scripts/generate.ts), with the spec. Each line becomes a row of the operation table in
 * generated/facade/ that drives a typed function (`notesCreate(core, ...)`) and a method of its
 * resource (`client.notes.create(...)`), with argument checks, paging and the `{ data }`
 * envelope taken from the spec. An operation the table does not name yet still gets a method,
 * under a default name to review (`GET /beta/agents/{agentId}/skills` → `agents.listSkills`).
 *
 * - `call`: `resource.method`.
 * - `body`: the name of the request-body parameter (default `body`), as it appears in
 *   errors (`note.message must be ...`) and in editors.
 * - `hand`: written by hand in `src/resources/<resource>.ts`, where Dixa needs more than the
 *   spec says (`_type` tagging, uploads, analytics periods, bare lists, `partialErrors`, a
 *   bulk call whose items are not the body's list); the client takes the resource's class from
 *   there, extending the generated one.
 * - `check`: the generated function also calls `check<Resource><Method>` from
 *   src/hand-checks.ts, for what the spec cannot say (a documented cap, filters that exclude
 *   each other); each such check says why.
 * - `checks`: for a hand-written operation, generate the spec's check of its `body` (or of one
 *   `item` of its list body) for the hand-written code to call.
 * - `docPage`: the section of Dixa's API reference the operation's page is in, where it is not
 *   the spec's first tag.
 * - `input`, `item`, `query`, `output`, `result`, `failure`: the names the package exports for
 *   the operation's body, one item of a list body, query, answer (for a list, one of its items),
 *   bulk result and bulk failure. Parts left unnamed take their schema's name, else a name
 *   derived from the call (`NotesCreateInput`).
 */
export interface OperationName {
  call: `${string}.${string}`;
  body?: string;
  hand?: true;
  check?: true;
  checks?: "body" | "item";
  docPage?: string;
  input?: string;
  item?: string;
  query?: string;
  output?: string;
  result?: string;
  failure?: string;
}

// One line per operation, however long: prettier leaves the table alone.
// prettier-ignore
export const operationNames: Record<string, OperationName> = {
  getAnalyticsMetrics: { call: "analytics.listMetrics", output: "AnalyticsMetric", query: "ListAnalyticsMetricsQuery" },
  postAnalyticsMetrics: { call: "analytics.getMetricData", hand: true, input: "AnalyticsMetricDataInput", output: "AnalyticsMetricData" },
  getAnalyticsMetricsMetricid: { call: "analytics.getMetric" },
  getAnalyticsFilterFilterattribute: { call: "analytics.listFilterValues", output: "AnalyticsFilterValue", query: "ListAnalyticsFilterValuesQuery" },
  getAnalyticsRecords: { call: "analytics.listRecords", output: "AnalyticsRecordType", query: "ListAnalyticsRecordTypesQuery" },
  postAnalyticsRecords: { call: "analytics.listRecordData", hand: true, input: "AnalyticsRecordDataInput", query: "ListAnalyticsRecordDataQuery", output: "AnalyticsRecord" },
  getAnalyticsRecordsRecordid: { call: "analytics.getRecord" },
  getAgentsPresence: { call: "agents.listPresence", hand: true },
  getAgents: { call: "agents.list", check: true, output: "Agent", query: "ListAgentsQuery" },
  putAgents: { call: "agents.updateMany", body: "agents", item: "UpdateManyAgentsItem", result: "UpdateManyAgentsResult" },
  postAgents: { call: "agents.create", body: "agent", input: "CreateAgentInput" },
  patchAgents: { call: "agents.patchMany", body: "patches", item: "PatchManyAgentsItem", result: "PatchManyAgentsResult" },
  getAgentsAgentidTeams: { call: "agents.listTeams", output: "AgentTeam" },
  getAgentsAgentidPresence: { call: "agents.getPresence", output: "AgentPresence" },
  postAgentsBulk: { call: "agents.createMany", body: "agents", result: "CreateManyAgentsResult", failure: "AgentBulkFailure" },
  getAgentsAgentid: { call: "agents.get" },
  putAgentsAgentid: { call: "agents.update", body: "agent", input: "UpdateAgentInput" },
  deleteAgentsAgentid: { call: "agents.delete" },
  patchAgentsAgentid: { call: "agents.patch", body: "patch", input: "PatchAgentInput" },
  "putAgentsAgentidPresenceWorking-channel": { call: "agents.setWorkingChannel", body: "input", input: "AgentWorkingChannelInput" },
  getEndusers: { call: "endUsers.list", check: true, query: "ListEndUsersQuery" },
  putEndusers: { call: "endUsers.updateMany", body: "endUsers", item: "UpdateManyEndUsersItem", result: "UpdateManyEndUsersResult" },
  postEndusers: { call: "endUsers.create", body: "endUser", input: "CreateEndUserInput" },
  patchEndusers: { call: "endUsers.patchMany", body: "patches", item: "PatchManyEndUsersItem", result: "PatchManyEndUsersResult" },
  postEndusersBulk: { call: "endUsers.createMany", body: "endUsers", result: "CreateManyEndUsersResult", failure: "EndUserBulkFailure" },
  getEndusersUserid: { call: "endUsers.get", output: "EndUser" },
  putEndusersUserid: { call: "endUsers.update", body: "endUser", input: "UpdateEndUserInput" },
  patchEndusersUserid: { call: "endUsers.patch", body: "patch", input: "PatchEndUserInput" },
  patchEndusersUseridAnonymize: { call: "endUsers.anonymize", query: "AnonymizeEndUserQuery", output: "EndUserAnonymizationRequest" },
  "patchEndusersUseridCustom-attributes": { call: "endUsers.updateCustomAttributes", body: "attributes", check: true, input: "EndUserCustomAttributesInput", output: "EndUserCustomAttribute" },
  getEndusersUseridConversations: { call: "endUsers.listConversations", output: "EndUserConversation", query: "ListEndUserConversationsQuery" },
  getTeams: { call: "teams.list" },
  postTeams: { call: "teams.create", body: "team", input: "CreateTeamInput" },
  getTeamsTeamidAgents: { call: "teams.listMembers", output: "TeamMember" },
  deleteTeamsTeamidAgents: { call: "teams.removeMembers", body: "members", input: "RemoveTeamMembersInput" },
  patchTeamsTeamidAgents: { call: "teams.addMembers", body: "members", input: "AddTeamMembersInput" },
  getTeamsTeamidPresence: { call: "teams.listPresence", output: "TeamMemberPresence", query: "ListTeamPresenceQuery" },
  getTeamsTeamid: { call: "teams.get", output: "Team" },
  deleteTeamsTeamid: { call: "teams.delete" },
  patchConversationsConversationidAnonymize: { call: "conversations.anonymize", query: "AnonymizeConversationQuery", output: "ConversationAnonymizationRequest" },
  patchConversationsConversationidMessagesMessageidAnonymize: { call: "messages.anonymize", output: "MessageAnonymizationRequest" },
  putConversationsConversationidClose: { call: "conversations.close", body: "input", input: "CloseConversationInput" },
  putConversationsConversationidFollowup: { call: "conversations.followUp", body: "followUp", input: "FollowUpConversationInput" },
  putConversationsConversationidReopen: { call: "conversations.reopen", body: "input", input: "ReopenConversationInput" },
  putConversationsConversationidTransferQueue: { call: "conversations.transferToQueue", body: "transfer", input: "TransferConversationInput" },
  postConversationsConversationidNotesBulk: { call: "notes.createMany", body: "notes", docPage: "internal-notes", result: "CreateManyNotesResult", failure: "NoteFailure" },
  getConversationsConversationidNotes: { call: "notes.list", docPage: "internal-notes", output: "InternalNote" },
  postConversationsConversationidNotes: { call: "notes.create", body: "note", docPage: "internal-notes", input: "CreateNoteInput" },
  postConversationsConversationidRatingsRatingidSubmit: { call: "ratings.submit", hand: true, docPage: "chatbots", output: "SubmittedRating", checks: "body" },
  postConversationsConversationidRatingsOffer: { call: "ratings.offer", body: "offer", docPage: "chatbots", input: "CreateRatingOfferInput", output: "RatingOffer" },
  getConversationsConversationidRating: { call: "ratings.listLegacy" },
  getConversationsConversationidRatings: { call: "ratings.list", docPage: "ratings", output: "ConversationRating" },
  getConversationsActivitylog: { call: "conversations.listOrganizationActivityLog", output: "ConversationActivityLogEntry", query: "ListOrganizationActivityLogQuery" },
  getConversationsFlows: { call: "conversations.listFlows", output: "ConversationFlow", query: "ListConversationFlowsQuery" },
  putConversationsConversationidTagsTagid: { call: "tags.tagConversation", docPage: "tags" },
  deleteConversationsConversationidTagsTagid: { call: "tags.untagConversation", docPage: "tags" },
  postConversationsConversationidTagsBulk: { call: "tags.tagConversationByNames", hand: true, docPage: "tags", item: "TagByNameInput", checks: "item" },
  getConversationsConversationidTags: { call: "tags.listForConversation", docPage: "tags" },
  getConversationsConversationidMessages: { call: "messages.list", output: "ConversationMessage" },
  postConversationsConversationidMessages: { call: "messages.create", hand: true, output: "CreatedMessage" },
  postConversations: { call: "conversations.create", hand: true, output: "CreatedConversation" },
  postConversationsImport: { call: "conversations.import", hand: true, output: "ImportedConversation" },
  "patchConversationsConversationidCustom-attributes": { call: "conversations.updateCustomAttributes", body: "attributes", check: true, input: "ConversationCustomAttributesInput", output: "ConversationCustomAttribute" },
  putConversationsConversationidClaim: { call: "conversations.claim", body: "claim", input: "ClaimConversationInput" },
  getConversationsConversationidActivitylog: { call: "conversations.getActivityLog" },
  getConversationsConversationid: { call: "conversations.get", output: "Conversation" },
  putConversationsConversationidLink: { call: "conversations.link", body: "link", input: "LinkConversationInput" },
  getConversationsConversationidLinked: { call: "conversations.listLinked" },
  getQueues: { call: "queues.list" },
  postQueues: { call: "queues.create", body: "queue", input: "CreateQueueInput" },
  getQueuesQueueidMembers: { call: "queues.listMembers", output: "QueueMember" },
  deleteQueuesQueueidMembers: { call: "queues.removeMembers", body: "members", check: true },
  patchQueuesQueueidMembers: { call: "queues.addMembers", hand: true, input: "QueueMembersInput", failure: "QueueMemberFailure", checks: "body" },
  getQueuesQueueidAvailability: { call: "queues.getAvailability", output: "QueueChannelAvailability" },
  getQueuesQueueid: { call: "queues.get", output: "Queue" },
  "getQueuesConversation-positionCsid": { call: "queues.getConversationPosition", output: "QueuedConversationPosition" },
  getTags: { call: "tags.list", query: "ListTagsQuery" },
  postTags: { call: "tags.create", body: "tag", input: "CreateTagInput" },
  getTagsTagid: { call: "tags.get", output: "Tag" },
  deleteTagsTagid: { call: "tags.delete" },
  patchTagsTagidDeactivate: { call: "tags.deactivate" },
  patchTagsTagidActivate: { call: "tags.activate" },
  getAnonymizationRequestRequestid: { call: "anonymization.getRequest", output: "AnonymizationRequest" },
  postAnonymization: { call: "anonymization.request", body: "entity", input: "AnonymizeEntityInput" },
  "getContact-endpointsContactendpointid": { call: "contactEndpoints.get", output: "ContactEndpoint" },
  "getContact-endpoints": { call: "contactEndpoints.list", query: "ListContactEndpointsQuery" },
  "getCustom-attributesCustomattributeid": { call: "customAttributes.get", output: "CustomAttributeDefinition" },
  "getCustom-attributes": { call: "customAttributes.list" },
  getSearchConversations: { call: "search.conversationsByQuery", output: "ConversationSearchByQueryHit", query: "SearchConversationsByQueryQuery" },
  postSearchConversations: { call: "search.conversations", hand: true, query: "SearchConversationsQuery", output: "ConversationSearchHit", checks: "body" },
  getWebhooksWebhooksubscriptionid: { call: "webhooks.get", output: "WebhookSubscription" },
  deleteWebhooksWebhooksubscriptionid: { call: "webhooks.delete" },
  patchWebhooksWebhooksubscriptionid: { call: "webhooks.update", hand: true, checks: "body" },
  getWebhooks: { call: "webhooks.list" },
  postWebhooks: { call: "webhooks.create", hand: true, checks: "body" },
  "getWebhooksWebhooksubscriptionidDelivery-status": { call: "webhooks.getDeliveryStatus", output: "WebhookEventDeliveryStatus" },
  "getWebhooksWebhooksubscriptionidDelivery-statusLogsEvent": { call: "webhooks.listDeliveryLogs", output: "WebhookEventDeliveryLog" },
  getTemplates: { call: "templates.list", output: "Template", query: "ListTemplatesQuery" },
  deleteTemplatesTemplateid: { call: "templates.delete" },
  "getBusiness-hoursSchedules": { call: "businessHours.listSchedules", output: "BusinessHoursScheduleList" },
  "getBusiness-hoursSchedulesScheduleidDefinition": { call: "businessHours.getScheduleDefinition", output: "BusinessHoursDefinition" },
  "getBusiness-hoursSchedulesScheduleidUpcoming": { call: "businessHours.getUpcoming", output: "BusinessHoursUpcoming", query: "BusinessHoursUpcomingQuery" },
  "getBusiness-hoursSchedulesScheduleidStatus": { call: "businessHours.getStatus", output: "BusinessHoursStatus", query: "BusinessHoursStatusQuery" },
  getKnowledgeCollectionsCollectionid: { call: "knowledge.getCollection", output: "KnowledgeCollection" },
  getKnowledgeCollectionsCollectionidCatalog: { call: "knowledge.getCollectionCatalog", output: "KnowledgeCollectionCatalog", query: "KnowledgeCatalogQuery" },
  getKnowledgeCategoriesCategoryid: { call: "knowledge.getCategory", output: "KnowledgeCategory", query: "KnowledgeCategoryQuery" },
  getKnowledgeCategoriesCategoryidTranslations: { call: "knowledge.listCategoryTranslations", output: "KnowledgeCategoryTranslations" },
  getKnowledgeArticlesArticleid: { call: "knowledge.getArticle", output: "KnowledgeArticle", query: "KnowledgeArticleQuery" },
  deleteKnowledgeArticlesArticleid: { call: "knowledge.deleteArticle" },
  patchKnowledgeArticlesArticleid: { call: "knowledge.updateArticle", body: "changes", input: "UpdateKnowledgeArticleInput" },
  getKnowledgeArticlesArticleidTranslations: { call: "knowledge.listArticleTranslations", output: "KnowledgeArticleTranslations" },
  patchKnowledgeArticlesArticleidTranslations: { call: "knowledge.updateArticleTranslations", body: "changes", input: "UpdateKnowledgeTranslationsInput", output: "UpdateKnowledgeTranslationsResult" },
  postKnowledgeArticles: { call: "knowledge.createArticle", body: "article", input: "CreateKnowledgeArticleInput" },
  postKnowledgeArticlesArticleidTranslationsLanguageidPublish: { call: "knowledge.publishTranslation" },
  postKnowledgeArticlesArticleidTranslationsLanguageidUnpublish: { call: "knowledge.unpublishTranslation" },
  deleteKnowledgeArticlesArticleidTranslationsLanguageid: { call: "knowledge.deleteTranslation" },
  postKnowledgeArticlesArticleidPublish: { call: "knowledge.publishArticle" },
  postKnowledgeArticlesArticleidUnpublish: { call: "knowledge.unpublishArticle" },
  patchKnowledgeArticlesArticleidParentParentid: { call: "knowledge.moveArticle" },
  deleteKnowledgeArticlesArticleidParent: { call: "knowledge.removeArticleParent" },
  getKnowledgeCollections: { call: "knowledge.listCollections", query: "ListKnowledgeCollectionsQuery" },
  postKnowledgeArticlesAttachments: { call: "knowledge.uploadAttachments", hand: true, output: "KnowledgeAttachmentUploadResult" },
  getOrganization: { call: "organization.get", output: "Organization" },
};

/** Exported names for schemas that no operation part names: `{ schema: name }`. */
export const schemaNames: Record<string, string> = {
  PeriodFilter: "AnalyticsPeriodFilter",
  ArticleTranslation: "KnowledgeArticleTranslation",
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
