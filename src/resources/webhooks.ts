import type { DixaCore } from "../core.js";
import { uuid } from "../checks.js";
import { asData, body, path, perform } from "../operation.js";
import type { CallOptions, RequestBody, Schemas } from "../types.js";
import {
  assertEach,
  assertNonEmptyArray,
  assertNonEmptyString,
  assertObject,
  describeArgument,
  describeValue,
} from "../validate.js";
import {
  checkCreateWebhookSubscriptionInput,
  checkPatchWebhookSubscriptionInput,
} from "../../generated/facade/checks.js";
import type { WebhookSubscription } from "../../generated/facade/types.js";
import { WebhooksGeneratedMethods } from "../../generated/facade/resources.js";

/**
 * How Dixa authenticates to the receiving server: Basic (`{ username, password }`), a bearer
 * token (`{ value }`) or none (`{}`). Dixa tells these apart by a `_type` tag that its examples
 * carry but the spec's schemas leave out; give it or not: when it is missing, the facade adds
 * it from the fields present.
 */
export type WebhookAuthorizationInput =
  | Schemas["WebhookAuthorization"]
  | (Schemas["BasicAuth"] & { _type: "BasicAuth" })
  | (Schemas["TokenAuth"] & { _type: "TokenAuth" })
  | { _type: "NoAuth" };

type WebhookCondition = Schemas["CombinedFilters"]["conditions"][number];
/**
 * One filter condition. `_type` says whether the field must be one of `values` (`"IsOneOf"`) or
 * none of them (`"IsNotOneOf"`); the two have the same fields, so the tag is required (the
 * spec's schemas omit it, its examples carry it).
 */
export type WebhookFilterConditionInput =
  (WebhookCondition & { _type: "IsOneOf" }) | (WebhookCondition & { _type: "IsNotOneOf" });
/** Filters for one event category (e.g. `Conversation`); `_type` is added when missing. */
export type WebhookFiltersInput = Omit<Schemas["CombinedFilters"], "conditions"> & {
  conditions: WebhookFilterConditionInput[];
  _type?: "CombinedFilters";
};

type WebhookTaggedFields = {
  authorization: WebhookAuthorizationInput;
  /** Filters by event category; only matching events are sent. */
  filters?: Record<string, WebhookFiltersInput>;
};
type CreateWebhookBody = RequestBody<"/beta/webhooks", "post">;
type UpdateWebhookBody = RequestBody<"/beta/webhooks/{webhookSubscriptionId}", "patch">;
/** A new subscription: `name`, `url`, `authorization` and `customHeaders` are required. */
export type CreateWebhookInput = Omit<CreateWebhookBody, keyof WebhookTaggedFields> &
  WebhookTaggedFields;
/** The fields to change; the others keep their value. */
export type UpdateWebhookInput = Omit<UpdateWebhookBody, keyof WebhookTaggedFields> &
  Partial<WebhookTaggedFields>;

type CreateArgs = [subscription: CreateWebhookInput, options?: CallOptions];
type UpdateArgs = [
  webhookSubscriptionId: string,
  changes: UpdateWebhookInput,
  options?: CallOptions,
];

/** The function form of {@link WebhooksResource.create}. */
export function webhooksCreate(dixa: DixaCore, ...args: CreateArgs): Promise<WebhookSubscription> {
  return perform(dixa, args, "POST /beta/webhooks", asData, () => [
    body("subscription", checkCreateWebhookSubscriptionInput, "required", (subscription) =>
      withTags(subscription, "subscription"),
    ),
  ]);
}

/** The function form of {@link WebhooksResource.update}. */
export function webhooksUpdate(dixa: DixaCore, ...args: UpdateArgs): Promise<WebhookSubscription> {
  return perform(dixa, args, "PATCH /beta/webhooks/{webhookSubscriptionId}", asData, () => [
    path("webhookSubscriptionId", uuid),
    body("changes", checkPatchWebhookSubscriptionInput, "required", (changes) =>
      withTags(changes, "changes"),
    ),
  ]);
}

/** Webhook subscriptions and their delivery logs. */
export class WebhooksResource extends WebhooksGeneratedMethods {
  /**
   * Creates a webhook subscription: where to send which events, how to authenticate, which
   * headers to add and, optionally, filters. The answer carries the `secretKey` Dixa signs
   * deliveries with. `authorization` and filter conditions are tagged with their `_type` when
   * it is missing.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/webhooks/postwebhooks
   */
  create(...args: CreateArgs): Promise<WebhookSubscription> {
    return webhooksCreate(this.core, ...args);
  }

  /**
   * Changes a webhook subscription; fields left out keep their value. `authorization` and
   * filter conditions are tagged with their `_type` when it is missing.
   * @see https://docs.dixa.io/openapi/dixa-api/beta/webhooks/patchwebhookswebhooksubscriptionid
   */
  update(...args: UpdateArgs): Promise<WebhookSubscription> {
    return webhooksUpdate(this.core, ...args);
  }
}

/**
 * Adds Dixa's `_type` tags the spec leaves out (authorization kind, filter and condition kinds)
 * and checks what the tags decide; the caller's object is never modified.
 */
function withTags<Body extends object>(input: Body, label: string): Body {
  const body = input as Record<string, unknown>;
  const tagged: Record<string, unknown> = { ...body };
  if (body["authorization"] !== undefined) {
    tagged["authorization"] = tagAuthorization(body["authorization"], `${label}.authorization`);
  }
  if (body["customHeaders"] !== undefined) {
    const headers = body["customHeaders"];
    assertObject(headers, `${label}.customHeaders`);
    for (const [name, value] of Object.entries(headers)) {
      if (name.trim() === "") {
        throw new TypeError(`${label}.customHeaders has an empty header name`);
      }
      // Header names are not secret; their values (tokens) may be, so only their type is told.
      if (typeof value !== "string") {
        throw new TypeError(
          `${label}.customHeaders[${JSON.stringify(name)}] must be a string, got ${describeValue(value)}`,
        );
      }
    }
  }
  if (body["filters"] !== undefined) {
    const filters = body["filters"];
    assertObject(filters, `${label}.filters`);
    tagged["filters"] = Object.fromEntries(
      Object.entries(filters).map(([category, filter]) => [
        category,
        tagFilter(filter, `${label}.filters.${category}`),
      ]),
    );
  }
  return tagged as Body;
}

const authorizationTypes = ["BasicAuth", "TokenAuth", "NoAuth"] as const;

function tagAuthorization(value: unknown, label: string): Record<string, unknown> {
  assertObject(value, label);
  let type = value["_type"];
  if (type === undefined) {
    if ("username" in value || "password" in value) type = "BasicAuth";
    else if ("value" in value) type = "TokenAuth";
    else if (Object.keys(value).length === 0) type = "NoAuth";
    else {
      throw new TypeError(
        `${label} must be { username, password } (Basic), { value } (token) or {} (none)`,
      );
    }
  }
  if (type === "BasicAuth") {
    assertNonEmptyString(value["username"], `${label}.username`);
    assertNonEmptyString(value["password"], `${label}.password`);
  } else if (type === "TokenAuth") {
    assertNonEmptyString(value["value"], `${label}.value`);
  } else if (type !== "NoAuth") {
    throw new TypeError(
      `${label}._type must be one of ${authorizationTypes.join(", ")}, got ${describeArgument(type, `${label}._type`)}`,
    );
  }
  return { ...value, _type: type };
}

function tagFilter(value: unknown, label: string): Record<string, unknown> {
  assertObject(value, label);
  const type = value["_type"];
  if (type !== undefined && type !== "CombinedFilters") {
    throw new TypeError(
      `${label}._type must be "CombinedFilters", got ${describeArgument(type, `${label}._type`)}`,
    );
  }
  assertNonEmptyString(value["strategy"], `${label}.strategy`);
  const conditions = value["conditions"];
  assertNonEmptyArray(conditions, `${label}.conditions`);
  assertEach(conditions, `${label}.conditions`, assertCondition);
  return { ...value, _type: "CombinedFilters" };
}

function assertCondition(condition: unknown, label: string): void {
  assertObject(condition, label);
  const type = condition["_type"];
  if (type !== "IsOneOf" && type !== "IsNotOneOf") {
    throw new TypeError(
      `${label}._type must be "IsOneOf" or "IsNotOneOf" (the spec omits it, Dixa needs it), got ${describeArgument(type, `${label}._type`)}`,
    );
  }
  assertNonEmptyString(condition["field"], `${label}.field`);
  const values = condition["values"];
  assertNonEmptyArray(values, `${label}.values`);
  assertEach(values, `${label}.values`, (item, itemLabel) => assertNonEmptyString(item, itemLabel));
}
