import type { OperationId } from "../generated/operation-table.js";
import type { DixaClient } from "./client.js";

type ResourceName = Exclude<keyof DixaClient, "raw">;
/** `"<resource>.<method>"` for every method the client's resources have. */
export type FacadeCall = {
  [R in ResourceName]: `${R}.${Extract<keyof DixaClient[R], string>}`;
}[ResourceName];

export interface FacadeOperation {
  /** The facade method that performs the operation. */
  call: FacadeCall;
  /** The operation's page in Dixa's API reference. */
  docUrl: string;
}

/**
 * Every operation of the spec, by operationId, mapped to the one facade method that performs
 * it. Typed as a complete Record over the generated OperationId union, so an operation added to
 * or removed from a refreshed spec, or a renamed method, fails the build; docs/coverage.md is
 * generated from this table.
 */
export const facadeOperations = {
  getAnalyticsMetrics: {
    call: "analytics.listMetrics",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/analytics/getanalyticsmetrics",
  },
  postAnalyticsMetrics: {
    call: "analytics.getMetricData",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/analytics/postanalyticsmetrics",
  },
  getAnalyticsMetricsMetricid: {
    call: "analytics.getMetric",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/analytics/getanalyticsmetricsmetricid",
  },
  getAnalyticsFilterFilterattribute: {
    call: "analytics.listFilterValues",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/analytics/getanalyticsfilterfilterattribute",
  },
  getAnalyticsRecords: {
    call: "analytics.listRecords",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/analytics/getanalyticsrecords",
  },
  postAnalyticsRecords: {
    call: "analytics.listRecordData",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/analytics/postanalyticsrecords",
  },
  getAnalyticsRecordsRecordid: {
    call: "analytics.getRecord",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/analytics/getanalyticsrecordsrecordid",
  },
  getAgentsPresence: {
    call: "agents.listPresence",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentspresence",
  },
  getAgents: {
    call: "agents.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/getagents",
  },
  putAgents: {
    call: "agents.updateMany",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/putagents",
  },
  postAgents: {
    call: "agents.create",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/postagents",
  },
  patchAgents: {
    call: "agents.patchMany",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/patchagents",
  },
  getAgentsAgentidTeams: {
    call: "agents.listTeams",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentsagentidteams",
  },
  getAgentsAgentidPresence: {
    call: "agents.getPresence",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentsagentidpresence",
  },
  postAgentsBulk: {
    call: "agents.createMany",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/postagentsbulk",
  },
  getAgentsAgentid: {
    call: "agents.get",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/getagentsagentid",
  },
  putAgentsAgentid: {
    call: "agents.update",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/putagentsagentid",
  },
  deleteAgentsAgentid: {
    call: "agents.delete",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/deleteagentsagentid",
  },
  patchAgentsAgentid: {
    call: "agents.patch",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/agents/patchagentsagentid",
  },
  "putAgentsAgentidPresenceWorking-channel": {
    call: "agents.setWorkingChannel",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/agents/putagentsagentidpresenceworking-channel",
  },
  getEndusers: {
    call: "endUsers.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusers",
  },
  putEndusers: {
    call: "endUsers.updateMany",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/putendusers",
  },
  postEndusers: {
    call: "endUsers.create",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/postendusers",
  },
  patchEndusers: {
    call: "endUsers.patchMany",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusers",
  },
  postEndusersBulk: {
    call: "endUsers.createMany",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/postendusersbulk",
  },
  getEndusersUserid: {
    call: "endUsers.get",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusersuserid",
  },
  putEndusersUserid: {
    call: "endUsers.update",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/putendusersuserid",
  },
  patchEndusersUserid: {
    call: "endUsers.patch",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusersuserid",
  },
  patchEndusersUseridAnonymize: {
    call: "endUsers.anonymize",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusersuseridanonymize",
  },
  "patchEndusersUseridCustom-attributes": {
    call: "endUsers.updateCustomAttributes",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/end-users/patchendusersuseridcustom-attributes",
  },
  getEndusersUseridConversations: {
    call: "endUsers.listConversations",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/end-users/getendusersuseridconversations",
  },
  getTeams: {
    call: "teams.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/getteams",
  },
  postTeams: {
    call: "teams.create",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/postteams",
  },
  getTeamsTeamidAgents: {
    call: "teams.listMembers",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/getteamsteamidagents",
  },
  deleteTeamsTeamidAgents: {
    call: "teams.removeMembers",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/deleteteamsteamidagents",
  },
  patchTeamsTeamidAgents: {
    call: "teams.addMembers",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/patchteamsteamidagents",
  },
  getTeamsTeamidPresence: {
    call: "teams.listPresence",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/getteamsteamidpresence",
  },
  getTeamsTeamid: {
    call: "teams.get",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/getteamsteamid",
  },
  deleteTeamsTeamid: {
    call: "teams.delete",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/teams/deleteteamsteamid",
  },
  patchConversationsConversationidAnonymize: {
    call: "conversations.anonymize",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/patchconversationsconversationidanonymize",
  },
  patchConversationsConversationidMessagesMessageidAnonymize: {
    call: "messages.anonymize",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/patchconversationsconversationidmessagesmessageidanonymize",
  },
  putConversationsConversationidClose: {
    call: "conversations.close",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidclose",
  },
  putConversationsConversationidFollowup: {
    call: "conversations.followUp",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidfollowup",
  },
  putConversationsConversationidReopen: {
    call: "conversations.reopen",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidreopen",
  },
  putConversationsConversationidTransferQueue: {
    call: "conversations.transferToQueue",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidtransferqueue",
  },
  postConversationsConversationidNotesBulk: {
    call: "notes.createMany",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/internal-notes/postconversationsconversationidnotesbulk",
  },
  getConversationsConversationidNotes: {
    call: "notes.list",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/internal-notes/getconversationsconversationidnotes",
  },
  postConversationsConversationidNotes: {
    call: "notes.create",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/internal-notes/postconversationsconversationidnotes",
  },
  postConversationsConversationidRatingsRatingidSubmit: {
    call: "ratings.submit",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/chatbots/postconversationsconversationidratingsratingidsubmit",
  },
  postConversationsConversationidRatingsOffer: {
    call: "ratings.offer",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/chatbots/postconversationsconversationidratingsoffer",
  },
  getConversationsConversationidRating: {
    call: "ratings.listLegacy",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationidrating",
  },
  getConversationsConversationidRatings: {
    call: "ratings.list",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/ratings/getconversationsconversationidratings",
  },
  getConversationsActivitylog: {
    call: "conversations.listOrganizationActivityLog",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsactivitylog",
  },
  getConversationsFlows: {
    call: "conversations.listFlows",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsflows",
  },
  putConversationsConversationidTagsTagid: {
    call: "tags.tagConversation",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/tags/putconversationsconversationidtagstagid",
  },
  deleteConversationsConversationidTagsTagid: {
    call: "tags.untagConversation",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/tags/deleteconversationsconversationidtagstagid",
  },
  postConversationsConversationidTagsBulk: {
    call: "tags.tagConversationByNames",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/tags/postconversationsconversationidtagsbulk",
  },
  getConversationsConversationidTags: {
    call: "tags.listForConversation",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/tags/getconversationsconversationidtags",
  },
  getConversationsConversationidMessages: {
    call: "messages.list",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationidmessages",
  },
  postConversationsConversationidMessages: {
    call: "messages.create",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversationsconversationidmessages",
  },
  postConversations: {
    call: "conversations.create",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversations",
  },
  postConversationsImport: {
    call: "conversations.import",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/conversations/postconversationsimport",
  },
  "patchConversationsConversationidCustom-attributes": {
    call: "conversations.updateCustomAttributes",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/patchconversationsconversationidcustom-attributes",
  },
  putConversationsConversationidClaim: {
    call: "conversations.claim",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidclaim",
  },
  getConversationsConversationidActivitylog: {
    call: "conversations.getActivityLog",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationidactivitylog",
  },
  getConversationsConversationid: {
    call: "conversations.get",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationid",
  },
  putConversationsConversationidLink: {
    call: "conversations.link",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/putconversationsconversationidlink",
  },
  getConversationsConversationidLinked: {
    call: "conversations.listLinked",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/conversations/getconversationsconversationidlinked",
  },
  getQueues: {
    call: "queues.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueues",
  },
  postQueues: {
    call: "queues.create",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/postqueues",
  },
  getQueuesQueueidMembers: {
    call: "queues.listMembers",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesqueueidmembers",
  },
  deleteQueuesQueueidMembers: {
    call: "queues.removeMembers",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/deletequeuesqueueidmembers",
  },
  patchQueuesQueueidMembers: {
    call: "queues.addMembers",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/patchqueuesqueueidmembers",
  },
  getQueuesQueueidAvailability: {
    call: "queues.getAvailability",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesqueueidavailability",
  },
  getQueuesQueueid: {
    call: "queues.get",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesqueueid",
  },
  "getQueuesConversation-positionCsid": {
    call: "queues.getConversationPosition",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/queues/getqueuesconversation-positioncsid",
  },
  getTags: { call: "tags.list", docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/tags/gettags" },
  postTags: {
    call: "tags.create",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/tags/posttags",
  },
  getTagsTagid: {
    call: "tags.get",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/tags/gettagstagid",
  },
  deleteTagsTagid: {
    call: "tags.delete",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/tags/deletetagstagid",
  },
  patchTagsTagidDeactivate: {
    call: "tags.deactivate",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/tags/patchtagstagiddeactivate",
  },
  patchTagsTagidActivate: {
    call: "tags.activate",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/tags/patchtagstagidactivate",
  },
  getAnonymizationRequestRequestid: {
    call: "anonymization.getRequest",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/anonymization/getanonymizationrequestrequestid",
  },
  postAnonymization: {
    call: "anonymization.request",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/anonymization/postanonymization",
  },
  "getContact-endpointsContactendpointid": {
    call: "contactEndpoints.get",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/contact-endpoints/getcontact-endpointscontactendpointid",
  },
  "getContact-endpoints": {
    call: "contactEndpoints.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/contact-endpoints/getcontact-endpoints",
  },
  "getCustom-attributesCustomattributeid": {
    call: "customAttributes.get",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/custom-attributes/getcustom-attributescustomattributeid",
  },
  "getCustom-attributes": {
    call: "customAttributes.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/custom-attributes/getcustom-attributes",
  },
  getSearchConversations: {
    call: "search.conversationsByQuery",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/search/getsearchconversations",
  },
  postSearchConversations: {
    call: "search.conversations",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/search/postsearchconversations",
  },
  getWebhooksWebhooksubscriptionid: {
    call: "webhooks.get",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/webhooks/getwebhookswebhooksubscriptionid",
  },
  deleteWebhooksWebhooksubscriptionid: {
    call: "webhooks.delete",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/webhooks/deletewebhookswebhooksubscriptionid",
  },
  patchWebhooksWebhooksubscriptionid: {
    call: "webhooks.update",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/webhooks/patchwebhookswebhooksubscriptionid",
  },
  getWebhooks: {
    call: "webhooks.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/webhooks/getwebhooks",
  },
  postWebhooks: {
    call: "webhooks.create",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/webhooks/postwebhooks",
  },
  "getWebhooksWebhooksubscriptionidDelivery-status": {
    call: "webhooks.getDeliveryStatus",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/webhooks/getwebhookswebhooksubscriptioniddelivery-status",
  },
  "getWebhooksWebhooksubscriptionidDelivery-statusLogsEvent": {
    call: "webhooks.listDeliveryLogs",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/webhooks/getwebhookswebhooksubscriptioniddelivery-statuslogsevent",
  },
  getTemplates: {
    call: "templates.list",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/templates/gettemplates",
  },
  deleteTemplatesTemplateid: {
    call: "templates.delete",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/templates/deletetemplatestemplateid",
  },
  "getBusiness-hoursSchedules": {
    call: "businessHours.listSchedules",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedules",
  },
  "getBusiness-hoursSchedulesScheduleidDefinition": {
    call: "businessHours.getScheduleDefinition",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedulesscheduleiddefinition",
  },
  "getBusiness-hoursSchedulesScheduleidUpcoming": {
    call: "businessHours.getUpcoming",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedulesscheduleidupcoming",
  },
  "getBusiness-hoursSchedulesScheduleidStatus": {
    call: "businessHours.getStatus",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/business-hours/getbusiness-hoursschedulesscheduleidstatus",
  },
  getKnowledgeCollectionsCollectionid: {
    call: "knowledge.getCollection",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecollectionscollectionid",
  },
  getKnowledgeCollectionsCollectionidCatalog: {
    call: "knowledge.getCollectionCatalog",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecollectionscollectionidcatalog",
  },
  getKnowledgeCategoriesCategoryid: {
    call: "knowledge.getCategory",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecategoriescategoryid",
  },
  getKnowledgeCategoriesCategoryidTranslations: {
    call: "knowledge.listCategoryTranslations",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecategoriescategoryidtranslations",
  },
  getKnowledgeArticlesArticleid: {
    call: "knowledge.getArticle",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgearticlesarticleid",
  },
  deleteKnowledgeArticlesArticleid: {
    call: "knowledge.deleteArticle",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/deleteknowledgearticlesarticleid",
  },
  patchKnowledgeArticlesArticleid: {
    call: "knowledge.updateArticle",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/patchknowledgearticlesarticleid",
  },
  getKnowledgeArticlesArticleidTranslations: {
    call: "knowledge.listArticleTranslations",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgearticlesarticleidtranslations",
  },
  patchKnowledgeArticlesArticleidTranslations: {
    call: "knowledge.updateArticleTranslations",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/patchknowledgearticlesarticleidtranslations",
  },
  postKnowledgeArticles: {
    call: "knowledge.createArticle",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticles",
  },
  postKnowledgeArticlesArticleidTranslationsLanguageidPublish: {
    call: "knowledge.publishTranslation",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidtranslationslanguageidpublish",
  },
  postKnowledgeArticlesArticleidTranslationsLanguageidUnpublish: {
    call: "knowledge.unpublishTranslation",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidtranslationslanguageidunpublish",
  },
  deleteKnowledgeArticlesArticleidTranslationsLanguageid: {
    call: "knowledge.deleteTranslation",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/deleteknowledgearticlesarticleidtranslationslanguageid",
  },
  postKnowledgeArticlesArticleidPublish: {
    call: "knowledge.publishArticle",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidpublish",
  },
  postKnowledgeArticlesArticleidUnpublish: {
    call: "knowledge.unpublishArticle",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesarticleidunpublish",
  },
  patchKnowledgeArticlesArticleidParentParentid: {
    call: "knowledge.moveArticle",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/patchknowledgearticlesarticleidparentparentid",
  },
  deleteKnowledgeArticlesArticleidParent: {
    call: "knowledge.removeArticleParent",
    docUrl:
      "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/deleteknowledgearticlesarticleidparent",
  },
  getKnowledgeCollections: {
    call: "knowledge.listCollections",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/getknowledgecollections",
  },
  postKnowledgeArticlesAttachments: {
    call: "knowledge.uploadAttachments",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/knowledge/postknowledgearticlesattachments",
  },
  getOrganization: {
    call: "organization.get",
    docUrl: "https://docs.dixa.io/openapi/dixa-api/beta/organization/getorganization",
  },
} as const satisfies Record<OperationId, FacadeOperation>;
