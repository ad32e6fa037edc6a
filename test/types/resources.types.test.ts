/**
 * The resources' types, checked by the compiler where they stand (`npm run typecheck`; vitest
 * does not run test/types): each exported result and input type is its generated schema type
 * (the table), and each resource's methods return, accept and refuse what the spec says.
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  AddQueueMembersResult,
  Agent,
  AgentBulkFailure,
  AgentPresence,
  AnalyticsMetric,
  AnalyticsMetricData,
  AnalyticsMetricDataInput,
  AnalyticsRecord,
  AnonymizationRequest,
  AnonymizeEntityInput,
  BusinessHoursStatus,
  ContactEndpoint,
  Conversation,
  ConversationMessage,
  ConversationRating,
  ConversationSearchHit,
  CreateAgentInput,
  CreateConversationInput,
  CreateManyEndUsersResult,
  CreateMessageInput,
  CreateRatingOfferInput,
  CreateTagInput,
  CreateWebhookInput,
  CustomAttributeDefinition,
  DixaClient,
  EndUser,
  EndUserConversation,
  ImportConversationInput,
  KnowledgeArticle,
  KnowledgeAttachmentFile,
  KnowledgeAttachmentUploadResult,
  KnowledgeCollection,
  ListTemplatesQuery,
  Organization,
  Paginated,
  PatchManyAgentsResult,
  Queue,
  QueuedConversationPosition,
  QueueMemberFailure,
  RatingOffer,
  SearchConversationsInput,
  SubmitRatingInput,
  SubmittedRating,
  Tag,
  TagByNameInput,
  Team,
  TeamMemberPresence,
  Template,
  UpdateKnowledgeTranslationsResult,
  UpdateManyEndUsersItem,
  WebhookSubscription,
} from "../../src/index.js";
import type { components } from "../../generated/dixa-beta.js";

type Schemas = components["schemas"];

/** True when A and B are the same type, not merely assignable both ways. */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Each exported type, and the generated schema type it is (named, never retyped by hand). */
interface NamedAs {
  Agent: [Agent, Schemas["Agent"]];
  AgentPresence: [AgentPresence, Schemas["UserPresence"]];
  CreateAgentInput: [CreateAgentInput, Schemas["CreateAgentInput"]];
  AnalyticsMetric: [AnalyticsMetric, Schemas["MetricMetadata"]];
  AnalyticsMetricData: [AnalyticsMetricData, Schemas["MetricData"]];
  AnalyticsMetricDataInput: [AnalyticsMetricDataInput, Schemas["GetMetricDataInput"]];
  AnalyticsRecord: [AnalyticsRecord, Schemas["MetricRecord"]];
  AnonymizationRequest: [AnonymizationRequest, Schemas["AnonymizationRequestStatus"]];
  AnonymizeEntityInput: [AnonymizeEntityInput, Schemas["AnonymizeEntityInput"]];
  BusinessHoursStatus: [BusinessHoursStatus, Schemas["GetBusinessOpenStatusResult"]];
  ContactEndpoint: [ContactEndpoint, Schemas["ContactEndpoint"]];
  Conversation: [Conversation, Schemas["Conversation"]];
  CustomAttributeDefinition: [CustomAttributeDefinition, Schemas["CustomAttributeDefinition"]];
  EndUser: [EndUser, Schemas["EndUser"]];
  EndUserConversation: [EndUserConversation, Schemas["Conversation"]];
  UpdateManyEndUsersItem: [UpdateManyEndUsersItem, Schemas["BulkUpdateEndUserInput"]];
  KnowledgeArticle: [KnowledgeArticle, Schemas["Article"]];
  KnowledgeCollection: [KnowledgeCollection, Schemas["Collection"]];
  UpdateKnowledgeTranslationsResult: [
    UpdateKnowledgeTranslationsResult,
    Schemas["UpdateTranslationsOutput"],
  ];
  KnowledgeAttachmentUploadResult: [
    KnowledgeAttachmentUploadResult,
    Schemas["UploadAttachmentsOutput"],
  ];
  ConversationMessage: [ConversationMessage, Schemas["Message"]];
  Organization: [Organization, Schemas["OrganizationDetails"]];
  Queue: [Queue, Schemas["Queue1"]];
  QueuedConversationPosition: [QueuedConversationPosition, Schemas["QueuedConversation"]];
  ConversationRating: [ConversationRating, Schemas["ConversationRating"]];
  CreateRatingOfferInput: [CreateRatingOfferInput, Schemas["CreateRatingOfferInput"]];
  RatingOffer: [RatingOffer, Schemas["RatingOffer"]];
  SubmittedRating: [SubmittedRating, Schemas["RatingResult"]];
  ConversationSearchHit: [ConversationSearchHit, Schemas["ConversationSearchWithFiltersHit"]];
  Tag: [Tag, Schemas["Tag"]];
  CreateTagInput: [CreateTagInput, Schemas["CreateTagInput"]];
  TagByNameInput: [TagByNameInput, Schemas["TagConversationInput"]];
  Team: [Team, Schemas["Team1"]];
  TeamMemberPresence: [TeamMemberPresence, Schemas["UserPresence"]];
  Template: [Template, Schemas["Template"]];
  WebhookSubscription: [WebhookSubscription, Schemas["WebhookSubscription"]];
}

describe("exported types are the generated schema types", () => {
  it("every entry of the table", () => {
    type NotTheSchema = {
      [Name in keyof NamedAs]: Same<NamedAs[Name][0], NamedAs[Name][1]> extends true ? never : Name;
    }[keyof NamedAs];
    // Names the entries whose type is not the schema's.
    expectTypeOf<NotTheSchema>().toEqualTypeOf<never>();
  });
});

describe("agents types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<DixaClient["agents"]["get"]>().returns.resolves.toEqualTypeOf<Agent>();
    expectTypeOf<DixaClient["agents"]["listPresence"]>().returns.resolves.toEqualTypeOf<
      Schemas["UserPresence"][]
    >();
    expectTypeOf<DixaClient["agents"]["list"]>().returns.toEqualTypeOf<Paginated<Agent>>();
    expectTypeOf<DixaClient["agents"]["delete"]>().returns.resolves.toEqualTypeOf<void>();
  });

  it("inputs and bulk outcomes", () => {
    expectTypeOf<PatchManyAgentsResult["successes"][number]["input"]>().toEqualTypeOf<
      Schemas["BulkPatchAgentInput"]
    >();
    expectTypeOf<PatchManyAgentsResult["successes"][number]["data"]>().toEqualTypeOf<Agent>();
    expectTypeOf<
      PatchManyAgentsResult["failures"][number]["error"]
    >().toEqualTypeOf<AgentBulkFailure>();
    // @ts-expect-error an agent needs an email to be created
    expectTypeOf<DixaClient["agents"]["create"]>().toBeCallableWith({ displayName: "A" });
  });
});

describe("analytics types come from the generated spec", () => {
  it("results and inputs are the schema types", () => {
    expectTypeOf<DixaClient["analytics"]["getMetricData"]>().returns.resolves.toEqualTypeOf<
      Schemas["MetricData"]
    >();
    expectTypeOf<DixaClient["analytics"]["listRecordData"]>().returns.toEqualTypeOf<
      Paginated<AnalyticsRecord>
    >();
  });

  it("a period is typed as the spec has it; the facade rewrites it on the wire", () => {
    expectTypeOf<DixaClient["analytics"]["getMetricData"]>().toBeCallableWith({
      id: "closed_conversations",
      periodFilter: { value: "PreviousWeek" },
      timezone: "Europe/Copenhagen",
    });
    // @ts-expect-error a metric query needs a timezone
    expectTypeOf<DixaClient["analytics"]["getMetricData"]>().toBeCallableWith({ id: "csat" });
  });
});

describe("anonymization types come from the generated spec", () => {
  it("anonymization", () => {
    expectTypeOf<DixaClient["anonymization"]["getRequest"]>().returns.resolves.toEqualTypeOf<
      Schemas["AnonymizationRequestStatus"]
    >();
  });
});

type BusinessHours = DixaClient["businessHours"];

describe("businessHours types come from the generated spec", () => {
  it("results and queries", () => {
    expectTypeOf<BusinessHours["listSchedules"]>().returns.resolves.toEqualTypeOf<
      Schemas["ListBusinessHoursSchedulesResult"]
    >();
    expectTypeOf<BusinessHours["getUpcoming"]>().toBeCallableWith("id", { days: 30 });
    // @ts-expect-error days is a number
    expectTypeOf<BusinessHours["getUpcoming"]>().toBeCallableWith("id", { days: "30" });
  });
});

describe("contactEndpoints types come from the generated spec", () => {
  it("an endpoint is the e-mail or telephony schema", () => {
    expectTypeOf<DixaClient["contactEndpoints"]["list"]>().returns.resolves.toEqualTypeOf<
      ContactEndpoint[]
    >();
    // @ts-expect-error ids are e-mail addresses or phone numbers, as strings
    expectTypeOf<DixaClient["contactEndpoints"]["get"]>().toBeCallableWith(4531434343);
  });
});

describe("conversations types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<DixaClient["conversations"]["get"]>().returns.resolves.toEqualTypeOf<
      Schemas["Conversation"]
    >();
    expectTypeOf<DixaClient["conversations"]["close"]>().returns.resolves.toEqualTypeOf<void>();
    expectTypeOf<DixaClient["conversations"]["import"]>().returns.resolves.toEqualTypeOf<
      Schemas["ImportConversationResponse"]
    >();
  });

  it("inputs accept every generated body, plus Dixa's _type tags", () => {
    expectTypeOf<Schemas["CreateConversationInput"]>().toExtend<CreateConversationInput>();
    expectTypeOf<Schemas["GenericConversationImport"]>().toExtend<ImportConversationInput>();
    expectTypeOf<DixaClient["conversations"]["create"]>().toBeCallableWith({
      requesterId: "9c2a2cce-699f-4a72-89d9-fda5bc8dec8b",
      emailIntegrationId: "my-integration@email.dixa.io",
      subject: "order #123",
      message: { content: { value: "My order hasn't shipped", _type: "Text" }, _type: "Inbound" },
      _type: "Email",
    });
  });

  it("rejects wrong arguments", () => {
    // @ts-expect-error conversation ids are numbers
    expectTypeOf<DixaClient["conversations"]["get"]>().toBeCallableWith("123");
    // @ts-expect-error a transfer needs the queue
    expectTypeOf<DixaClient["conversations"]["transferToQueue"]>().toBeCallableWith(1, {});
  });
});

describe("customAttributes types come from the generated spec", () => {
  it("definitions", () => {
    expectTypeOf<
      DixaClient["customAttributes"]["get"]
    >().returns.resolves.toEqualTypeOf<CustomAttributeDefinition>();
    expectTypeOf<DixaClient["customAttributes"]["list"]>().returns.resolves.toEqualTypeOf<
      CustomAttributeDefinition[]
    >();
  });
});

describe("endUsers types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<DixaClient["endUsers"]["get"]>().returns.resolves.toEqualTypeOf<EndUser>();
    expectTypeOf<DixaClient["endUsers"]["list"]>().returns.toEqualTypeOf<Paginated<EndUser>>();
  });

  it("bulk inputs and outcomes", () => {
    expectTypeOf<CreateManyEndUsersResult["successes"][number]["data"]>().toEqualTypeOf<EndUser>();
    expectTypeOf<CreateManyEndUsersResult["failures"][number]["error"]>().toExtend<
      Schemas["BulkError"] | Error
    >();
  });

  it("rejects wrong arguments", () => {
    // @ts-expect-error a full update needs displayName
    expectTypeOf<DixaClient["endUsers"]["update"]>().toBeCallableWith("id", { email: "a@b.c" });
    // @ts-expect-error bulk items name their end user by id
    expectTypeOf<DixaClient["endUsers"]["patchMany"]>().toBeCallableWith([{ displayName: "A" }]);
  });
});

type Knowledge = DixaClient["knowledge"];

describe("knowledge types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<Knowledge["getArticle"]>().returns.resolves.toEqualTypeOf<KnowledgeArticle>();
    expectTypeOf<Knowledge["listCollections"]>().returns.toEqualTypeOf<
      Paginated<Schemas["Collection"]>
    >();
    // The answers with partial errors come back whole.
    expectTypeOf<Knowledge["publishArticle"]>().returns.resolves.toBeVoid();
  });

  it("inputs", () => {
    expectTypeOf<Parameters<Knowledge["createArticle"]>[0]>().toEqualTypeOf<
      Schemas["CreateKnowledgeArticleInput"]
    >();
    expectTypeOf<Knowledge["uploadAttachments"]>().toBeCallableWith([
      new File([], "a.png"),
      { name: "b.png", data: new Uint8Array() },
      { name: "c.png", data: new Blob(), type: "image/png" },
    ]);
    expectTypeOf<KnowledgeAttachmentFile>().toExtend<
      File | { name: string; data: Blob | Uint8Array | ArrayBuffer; type?: string }
    >();
    // @ts-expect-error a plain Blob has no file name
    expectTypeOf<Knowledge["uploadAttachments"]>().toBeCallableWith([new Blob()]);
    const noTitle = { translations: [{ languageId: "en" }] };
    // @ts-expect-error a translation needs a title
    expectTypeOf<Knowledge["createArticle"]>().toBeCallableWith(noTitle);
  });
});

describe("messages types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<DixaClient["messages"]["list"]>().returns.resolves.toEqualTypeOf<
      Schemas["Message"][]
    >();
    expectTypeOf<DixaClient["messages"]["create"]>().returns.resolves.toEqualTypeOf<
      Schemas["CreateMessageOutputData"]
    >();
  });

  it("inputs accept every generated message, plus Dixa's _type tags", () => {
    expectTypeOf<Schemas["CreateMessageInput"]>().toExtend<CreateMessageInput>();
    expectTypeOf<DixaClient["messages"]["create"]>().toBeCallableWith(1, {
      content: { value: "Ok, I can help you!", _type: "Text" },
      agentId: "bac5a02c-15b3-44da-ae1e-ab7b9db4aa89",
      _type: "Outbound",
    });
    // @ts-expect-error content needs a value
    expectTypeOf<DixaClient["messages"]["create"]>().toBeCallableWith(1, { content: {} });
  });
});

describe("organization types come from the generated spec", () => {
  it("organization", () => {
    expectTypeOf<
      DixaClient["organization"]["get"]
    >().returns.resolves.toEqualTypeOf<Organization>();
  });
});

describe("queues types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<DixaClient["queues"]["list"]>().returns.resolves.toEqualTypeOf<Queue[]>();
    expectTypeOf<DixaClient["queues"]["create"]>().returns.resolves.toEqualTypeOf<Queue>();
  });

  it("addMembers pairs each agent id with its outcome", () => {
    expectTypeOf<
      DixaClient["queues"]["addMembers"]
    >().returns.resolves.toEqualTypeOf<AddQueueMembersResult>();
    expectTypeOf<AddQueueMembersResult["successes"][number]["input"]>().toEqualTypeOf<string>();
    expectTypeOf<AddQueueMembersResult["successes"][number]["data"]>().toEqualTypeOf<string>();
    expectTypeOf<
      AddQueueMembersResult["failures"][number]["error"]
    >().toEqualTypeOf<QueueMemberFailure>();
    // @ts-expect-error csid is a number
    expectTypeOf<DixaClient["queues"]["getConversationPosition"]>().toBeCallableWith("4711");
  });
});

describe("ratings types come from the generated spec", () => {
  it("ratings", () => {
    expectTypeOf<DixaClient["ratings"]["list"]>().returns.resolves.toEqualTypeOf<
      Schemas["ConversationRating"][]
    >();
  });

  it("a submitted score carries its kind in _type, which the spec leaves out", () => {
    expectTypeOf<SubmitRatingInput["ratingResult"]>().toExtend<Schemas["SubmittedRatingResult"]>();
    expectTypeOf<DixaClient["ratings"]["submit"]>().toBeCallableWith(1, "r", {
      ratingResult: { value: 4, _type: "Csat" },
      comment: "Best customer service ever!",
    });
    expectTypeOf<DixaClient["ratings"]["submit"]>().toBeCallableWith(1, "r", {
      // @ts-expect-error without _type Dixa cannot tell Csat, Nps and ThumbsUpOrDown apart
      ratingResult: { value: 4 },
    });
  });
});

describe("search types come from the generated spec", () => {
  it("hits", () => {
    expectTypeOf<DixaClient["search"]["conversations"]>().returns.toEqualTypeOf<
      Paginated<ConversationSearchHit>
    >();
  });

  it("conditions are the spec's, tagged with _type as in the spec's own examples", () => {
    // Some of the spec's request examples, verbatim.
    const examples: SearchConversationsInput[] = [
      {
        filters: {
          strategy: "All",
          conditions: [
            {
              field: {
                operator: {
                  values: [
                    "177e7564-6434-4177-a25a-8530089196ad",
                    "7729e7564-9876-a637-b46b-8530038196b3",
                  ],
                  _type: "IncludesOne",
                },
                _type: "TagId",
              },
            },
          ],
        },
      },
      {
        filters: {
          strategy: "All",
          conditions: [
            {
              field: {
                operator: { _type: "IsEmpty" },
                attributeId: "1fba54c0-3ef6-48c8-bf00-912c5c9890fd",
                _type: "CustomAttribute",
              },
            },
          ],
        },
      },
      {
        query: { value: "order 12345", exactMatch: true },
        filters: {
          strategy: "All",
          conditions: [{ field: { operator: { _type: "IsNotEmpty" }, _type: "TagId" } }],
        },
      },
      {
        filters: {
          strategy: "All",
          conditions: [
            {
              field: {
                operator: { values: [["cookies"], ["tart", "nut_tart"]], _type: "IsOneOf" },
                attributeId: "30cd8aa4-3b58-4d70-a716-887dd6f348b4",
                _type: "CustomAttribute",
              },
            },
          ],
        },
      },
      {
        filters: {
          strategy: "Any",
          conditions: [
            {
              field: {
                operator: {
                  timestampFrom: "2023-02-11T22:59:59.999Z",
                  timestampTo: "2023-02-11T23:59:59.999Z",
                  _type: "Between",
                },
                _type: "CreationDate",
              },
            },
          ],
        },
      },
    ];
    expectTypeOf(examples).toExtend<SearchConversationsInput[]>();
    expectTypeOf<SearchConversationsInput["query"]>().toEqualTypeOf<Schemas["Query"] | undefined>();
    const untagged: SearchConversationsInput = {
      filters: {
        strategy: "All",
        // @ts-expect-error a condition's field and operator need their kind
        conditions: [{ field: { operator: { values: ["x"] } } }],
      },
    };
    expectTypeOf(untagged).toExtend<SearchConversationsInput>();
  });
});

describe("tags types come from the generated spec", () => {
  it("tags", () => {
    expectTypeOf<DixaClient["tags"]["list"]>().returns.resolves.toEqualTypeOf<Tag[]>();
    expectTypeOf<DixaClient["tags"]["tagConversationByNames"]>().returns.resolves.toBeVoid();
    // @ts-expect-error conversation ids are numbers
    expectTypeOf<DixaClient["tags"]["tagConversation"]>().toBeCallableWith("42", "tag-id");
  });
});

describe("teams types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<DixaClient["teams"]["list"]>().returns.resolves.toEqualTypeOf<Team[]>();
    expectTypeOf<DixaClient["teams"]["listPresence"]>().returns.toEqualTypeOf<
      Paginated<TeamMemberPresence>
    >();
    expectTypeOf<DixaClient["teams"]["addMembers"]>().returns.resolves.toEqualTypeOf<void>();
  });

  it("inputs", () => {
    expectTypeOf<Parameters<DixaClient["teams"]["create"]>[0]>().toEqualTypeOf<
      Schemas["CreateTeamInput"]
    >();
    // @ts-expect-error agent ids are strings
    expectTypeOf<DixaClient["teams"]["addMembers"]>().toBeCallableWith("t", { agentIds: [1] });
  });
});

describe("templates types come from the generated spec", () => {
  it("list is paged over the Template schema", () => {
    expectTypeOf<DixaClient["templates"]["list"]>().returns.toEqualTypeOf<Paginated<Template>>();
    // pageKey: a nextPageKey saved from a page, to resume the list from there.
    expectTypeOf<ListTemplatesQuery>().toEqualTypeOf<{
      pageLimit?: number;
      type?: "EmailAutoReply" | "QuickResponse";
      pageKey?: string;
    }>();
    // @ts-expect-error the type filter is an enum
    expectTypeOf<DixaClient["templates"]["list"]>().toBeCallableWith({ type: "Macro" });
  });
});

type Webhooks = DixaClient["webhooks"];
const base = { name: "n", url: "https://example.org", customHeaders: {} };

describe("webhooks types come from the generated spec", () => {
  it("results", () => {
    expectTypeOf<Webhooks["create"]>().returns.resolves.toEqualTypeOf<WebhookSubscription>();
    expectTypeOf<Webhooks["list"]>().returns.resolves.toEqualTypeOf<WebhookSubscription[]>();
    expectTypeOf<Webhooks["delete"]>().returns.resolves.toBeVoid();
  });

  it("inputs take the spec's fields, plus the _type tags it leaves out", () => {
    expectTypeOf<CreateWebhookInput["name"]>().toEqualTypeOf<string>();
    expectTypeOf<CreateWebhookInput["customHeaders"]>().toEqualTypeOf<Schemas["Map_String"]>();
    // Untagged (as generated) and tagged (as Dixa's examples) authorizations both type-check.
    expectTypeOf<Webhooks["create"]>().toBeCallableWith({
      ...base,
      authorization: { username: "u", password: "p" },
    });
    expectTypeOf<Webhooks["create"]>().toBeCallableWith({
      ...base,
      authorization: { _type: "TokenAuth", value: "t" },
    });
    expectTypeOf<Webhooks["create"]>().toBeCallableWith({ ...base, authorization: {} });
    expectTypeOf<Webhooks["update"]>().toBeCallableWith("id", {
      filters: {
        Conversation: {
          strategy: "All",
          conditions: [{ _type: "IsNotOneOf", field: "QueueId", values: ["q"] }],
        },
      },
    });
    const untagged = {
      filters: {
        Conversation: { strategy: "All", conditions: [{ field: "QueueId", values: ["q"] }] },
      },
    };
    // @ts-expect-error a condition must say IsOneOf or IsNotOneOf
    expectTypeOf<Webhooks["update"]>().toBeCallableWith("id", untagged);
    // @ts-expect-error create needs an authorization
    expectTypeOf<Webhooks["create"]>().toBeCallableWith(base);
  });
});
