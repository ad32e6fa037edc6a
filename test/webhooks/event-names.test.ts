/**
 * The hand-kept table of the 32 events against the two sources it is copied from: the list the
 * generated types carry (only in a doc comment: the spec has it as prose, so the type is
 * `string`) and the shared facts (events.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/project-paths.js";
import {
  dixaEventFqn,
  dixaSubscriptionName,
  dixaWebhookEvents,
  isDixaEventFqn,
  isDixaSubscriptionEventName,
  toDixaEventFqn,
  toDixaSubscriptionName,
} from "../../src/webhooks/index.js";

/**
 * Every "Allowed values: [A, B, ...]" list in the doc comments of generated/dixa-beta.ts, keyed
 * by the property path it documents (e.g. `components.schemas.CreateWebhookSubscriptionInput.events`).
 */
function allowedValueListsInGeneratedTypes(): Map<string, string[]> {
  const file = join(projectRoot, "generated", "dixa-beta.ts");
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const lists = new Map<string, string[]>();
  const visit = (node: ts.Node, path: string[]): void => {
    let inner = path;
    if (ts.isPropertySignature(node) || ts.isInterfaceDeclaration(node)) {
      inner = [...path, node.name.getText(source).replace(/^"|"$/g, "")];
      const docs = ts
        .getJSDocCommentsAndTags(node)
        .map((d) => d.getText(source))
        .join("\n");
      const list = /Allowed values: \[([^\]]+)\]/.exec(docs)?.[1];
      if (list !== undefined)
        lists.set(
          inner.join("."),
          list.split(",").map((name) => name.trim()),
        );
    }
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(source, []);
  return lists;
}

const names = dixaWebhookEvents.map((row) => row.subscriptionName);

describe("the table of 32 events", () => {
  it("agrees with every list of event names the generated types carry", () => {
    const lists = allowedValueListsInGeneratedTypes();
    // The spec lists the names in three places: create, patch, and the delivery-log path parameter.
    expect([...lists.keys()].sort()).toEqual([
      "components.schemas.CreateWebhookSubscriptionInput.events",
      "components.schemas.PatchWebhookSubscriptionInput.events",
      "operations.getWebhooksWebhooksubscriptionidDelivery-statusLogsEvent.parameters.path.event",
    ]);
    for (const [path, generated] of lists) {
      expect(generated, path).toHaveLength(32);
      expect([...names].sort(), path).toEqual([...generated].sort());
    }
  });

  it("agrees with ../shared/dixa-webhooks/events.json, row for row", () => {
    const facts = JSON.parse(
      readFileSync(join(projectRoot, "..", "shared", "dixa-webhooks", "events.json"), "utf8"),
    ) as {
      events: {
        subscription_name: string;
        event_fqn: string;
        event_fqn_status: string;
        data_table_status: string;
      }[];
    };
    const status = {
      "documented-complete": "documented",
      "partial-from-samples": "from-samples",
      unknown: "unknown",
    };
    expect(
      dixaWebhookEvents.map((row) => [row.subscriptionName, row.eventFqn, row.fqn, row.fields]),
    ).toEqual(
      facts.events.map((e) => [
        e.subscription_name,
        e.event_fqn,
        e.event_fqn_status,
        status[e.data_table_status as keyof typeof status],
      ]),
    );
    // 6 seen, 26 inferred; 7 documented tables, 4 from samples, 21 unknown.
    const count = (key: "fqn" | "fields", value: string) =>
      dixaWebhookEvents.filter((r) => r[key] === value).length;
    expect([
      count("fqn", "observed"),
      count("fields", "documented"),
      count("fields", "from-samples"),
    ]).toEqual([6, 7, 4]);
  });

  it("every event_fqn follows the docs' rule: the name's words, upper case, joined by _", () => {
    for (const row of dixaWebhookEvents) {
      const words = row.subscriptionName.match(/[A-Z]+(?![a-z])|[A-Z][a-z]*/g)!;
      expect(words.join("_").toUpperCase(), row.subscriptionName).toBe(row.eventFqn);
    }
  });

  it("names and fqns are unique", () => {
    expect(new Set(names).size).toBe(32);
    expect(new Set(dixaWebhookEvents.map((r) => r.eventFqn)).size).toBe(32);
  });
});

describe("mapping both ways", () => {
  it("constants", () => {
    expect(dixaEventFqn.ConversationMessageAdded).toBe("CONVERSATION_MESSAGE_ADDED");
    expect(dixaSubscriptionName.CONVERSATION_MESSAGE_ADDED).toBe("ConversationMessageAdded");
    expect(dixaEventFqn.SLAEvaluationBreached).toBe("SLA_EVALUATION_BREACHED");
    expect(Object.isFrozen(dixaEventFqn)).toBe(true);
    for (const name of names) expect(dixaSubscriptionName[dixaEventFqn[name]]).toBe(name);
  });

  it("functions, with unknown names handled", () => {
    expect(toDixaEventFqn("ConversationClosed")).toBe("CONVERSATION_CLOSED");
    expect(() => toDixaEventFqn("ConversationExploded" as never)).toThrow(TypeError);
    expect(toDixaSubscriptionName("CONVERSATION_CLOSED")).toBe("ConversationClosed");
    expect(toDixaSubscriptionName("CONVERSATION_EXPLODED")).toBeUndefined();
    expect(isDixaEventFqn("TYPING_STARTED")).toBe(true);
    expect(isDixaEventFqn("TypingStarted")).toBe(false);
    expect(isDixaSubscriptionEventName("TypingStarted")).toBe(true);
    expect(isDixaSubscriptionEventName(42)).toBe(false);
  });
});
