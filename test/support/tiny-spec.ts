/** A small Dixa-shaped description that spec-diff tests mutate into "after" versions. */
export function tinySpec() {
  return {
    openapi: "3.0.3",
    info: { title: "Dixa API", version: "beta" },
    paths: {
      "/beta/agents": {
        get: {
          operationId: "getAgents",
          parameters: [
            { name: "pageLimit", in: "query", required: false, schema: { type: "integer" } },
          ],
          responses: {
            "200": {
              description: "agents",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      data: { type: "array", items: { $ref: "#/components/schemas/Agent" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      "/beta/agents/{agentId}": {
        get: {
          operationId: "getAgentsAgentid",
          parameters: [{ name: "agentId", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "one agent",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { data: { $ref: "#/components/schemas/Agent" } },
                  },
                },
              },
            },
          },
        },
        delete: {
          operationId: "deleteAgentsAgentid",
          parameters: [{ name: "agentId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "204": { description: "gone" } },
        },
      },
      "/beta/tags": {
        post: {
          operationId: "postTags",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/CreateTagInput" } },
            },
          },
          responses: {
            "200": {
              description: "created",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { data: { $ref: "#/components/schemas/Tag" } },
                  },
                },
              },
            },
          },
        },
      },
    } as Record<string, Record<string, any>>,
    components: {
      schemas: {
        Agent: {
          type: "object",
          required: ["id"],
          properties: {
            id: { type: "string", format: "uuid" },
            displayName: { type: "string" },
            email: { type: "string" },
          },
        },
        CreateTagInput: {
          type: "object",
          required: ["name"],
          properties: { name: { type: "string" }, color: { type: "string" } },
        },
        Tag: {
          type: "object",
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            color: { type: "string" },
          },
        },
      } as Record<string, any>,
    },
  };
}
