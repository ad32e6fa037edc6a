import { DixaApi, type ApiCore } from "./api.js";
import { createRawClient, type RawClient } from "./http/raw-client.js";
import { createTransport } from "./http/transport.js";
import { resolveOptions, type DixaClientOptions } from "./options.js";
import { createRedactor } from "./redact.js";
import { AgentsResource } from "./resources/agents.js";
import { AnalyticsResource } from "./resources/analytics.js";
import { AnonymizationResource } from "./resources/anonymization.js";
import { BusinessHoursResource } from "./resources/business-hours.js";
import { ContactEndpointsResource } from "./resources/contact-endpoints.js";
import { ConversationsResource } from "./resources/conversations.js";
import { CustomAttributesResource } from "./resources/custom-attributes.js";
import { EndUsersResource } from "./resources/end-users.js";
import { KnowledgeResource } from "./resources/knowledge.js";
import { MessagesResource } from "./resources/messages.js";
import { NotesResource } from "./resources/notes.js";
import { OrganizationResource } from "./resources/organization.js";
import { QueuesResource } from "./resources/queues.js";
import { RatingsResource } from "./resources/ratings.js";
import { SearchResource } from "./resources/search.js";
import { TagsResource } from "./resources/tags.js";
import { TeamsResource } from "./resources/teams.js";
import { TemplatesResource } from "./resources/templates.js";
import { WebhooksResource } from "./resources/webhooks.js";
import { packageVersion } from "./version.js";

export const packageUserAgent = `dixa-beta-ts/${packageVersion}`;

export interface DixaClient {
  /** Typed openapi-fetch client for any operation of the spec, through the same pipeline. */
  readonly raw: RawClient;
  readonly analytics: AnalyticsResource;
  readonly agents: AgentsResource;
  readonly endUsers: EndUsersResource;
  readonly teams: TeamsResource;
  readonly conversations: ConversationsResource;
  readonly messages: MessagesResource;
  readonly notes: NotesResource;
  readonly ratings: RatingsResource;
  readonly tags: TagsResource;
  readonly queues: QueuesResource;
  readonly anonymization: AnonymizationResource;
  readonly contactEndpoints: ContactEndpointsResource;
  readonly customAttributes: CustomAttributesResource;
  readonly search: SearchResource;
  readonly webhooks: WebhooksResource;
  readonly templates: TemplatesResource;
  readonly businessHours: BusinessHoursResource;
  readonly knowledge: KnowledgeResource;
  readonly organization: OrganizationResource;
}

/**
 * Creates a client for the Dixa API (beta).
 *
 * ```ts
 * const dixa = createDixaClient({ apiKey: process.env.DIXA_API_KEY! });
 * const note = await dixa.notes.create(4711, { message: "Called the customer back" });
 * ```
 */
export function createDixaClient(options: DixaClientOptions): DixaClient {
  const resolved = resolveOptions(options, packageUserAgent);
  const redact = createRedactor(resolved.apiKey);
  const core: ApiCore = {
    baseUrl: resolved.baseUrl,
    // The token as is (no `Bearer`), once, in headers every request starts from.
    headers: {
      Authorization: resolved.apiKey,
      "User-Agent": resolved.userAgent,
      Accept: "application/json",
    },
    timeoutMs: resolved.timeoutMs,
    retry: resolved.retry,
    redact,
    transport: createTransport({
      fetch: resolved.fetch,
      limiter: resolved.limiter,
      onEvent: resolved.onEvent,
      redact,
      maxResponseBytes: resolved.maxResponseBytes,
    }),
  };
  const raw = createRawClient(core);
  const api = new DixaApi(core);
  return {
    raw,
    analytics: new AnalyticsResource(api),
    agents: new AgentsResource(api),
    endUsers: new EndUsersResource(api),
    teams: new TeamsResource(api),
    conversations: new ConversationsResource(api),
    messages: new MessagesResource(api),
    notes: new NotesResource(api),
    ratings: new RatingsResource(api),
    tags: new TagsResource(api),
    queues: new QueuesResource(api),
    anonymization: new AnonymizationResource(api),
    contactEndpoints: new ContactEndpointsResource(api),
    customAttributes: new CustomAttributesResource(api),
    search: new SearchResource(api),
    webhooks: new WebhooksResource(api),
    templates: new TemplatesResource(api),
    businessHours: new BusinessHoursResource(api),
    knowledge: new KnowledgeResource(api),
    organization: new OrganizationResource(api),
  };
}
