import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";

// Chat completions (api-shapes §5.2): OpenAI-compatible, `finish_reason` snake_case, `arguments` a JSON string.
export const chatCompletionSchema = z.looseObject({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.looseObject({
        index: z.number().optional(),
        message: z.looseObject({
          role: z.string().optional(),
          // A string, null on tool-call turns, or content parts (reasoning models, §5.2).
          content: z
            .union([
              z.string(),
              z.null(),
              z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
            ])
            .optional(),
          tool_calls: z
            .array(
              z.looseObject({
                id: z.string(),
                type: z.string().optional(),
                function: z.object({ name: z.string(), arguments: z.string() }),
              }),
            )
            .optional(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .looseObject({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() })
    .optional(),
});
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

// Embeddings: `object: "list"`, `data: [{object: "embedding", index, embedding}]` (OpenAI-compatible; SDK QueryEndpointResponse.data).
const embeddingsSchema = z.looseObject({
  data: z.array(z.looseObject({ index: z.number(), embedding: z.array(z.number()) })),
});

// A serving endpoint's AI Gateway (`GET /api/2.0/serving-endpoints/{name}` → `ai_gateway`; the fields of
// `PUT /api/2.0/serving-endpoints/{name}/ai-gateway` in the Model Serving API reference). Loose: the
// gateway gains settings over time (fallback_config …), and only these are read.
const guardrailParameters = z.looseObject({
  safety: z.boolean().optional(),
  pii: z.looseObject({ behavior: z.string().optional() }).optional(),
  invalid_keywords: z.array(z.string()).optional(),
  valid_topics: z.array(z.string()).optional(),
});
export const aiGatewaySchema = z.looseObject({
  usage_tracking_config: z.looseObject({ enabled: z.boolean().optional() }).optional(),
  inference_table_config: z
    .looseObject({
      catalog_name: z.string().optional(),
      schema_name: z.string().optional(),
      table_name_prefix: z.string().optional(),
      enabled: z.boolean().optional(),
    })
    .optional(),
  rate_limits: z
    .array(
      z.looseObject({
        calls: z.number().optional(),
        tokens: z.number().optional(),
        /** user, endpoint, user_group or service_principal. */
        key: z.string().optional(),
        principal: z.string().optional(),
        renewal_period: z.string(),
      }),
    )
    .optional(),
  guardrails: z
    .looseObject({ input: guardrailParameters.optional(), output: guardrailParameters.optional() })
    .optional(),
});
export type AiGateway = z.infer<typeof aiGatewaySchema>;
export const servingEndpointSchema = z.looseObject({
  name: z.string(),
  id: z.string().optional(),
  state: z.looseObject({ ready: z.string().optional(), config_update: z.string().optional() }).optional(),
  ai_gateway: aiGatewaySchema.optional(),
});
export type ServingEndpoint = z.infer<typeof servingEndpointSchema>;

const invocations = (endpoint: string) => `/serving-endpoints/${encodeURIComponent(endpoint)}/invocations`;

/** Model serving: invocations (`POST /serving-endpoints/{name}/invocations`, no `/api/2.0` prefix) and the endpoint's settings. */
export function serving(client: WorkspaceClient) {
  return {
    /** The endpoint's description, with its AI Gateway settings when it has any. */
    endpoint(name: string): Promise<ServingEndpoint> {
      return client.request({
        method: "GET",
        path: `/api/2.0/serving-endpoints/${encodeURIComponent(name)}`,
        response: servingEndpointSchema,
        operation: `Serving endpoint ${name} settings`,
      });
    },
    /**
     * One chat completion. The body is passed as is (tools, tool_choice … survive, unlike the TS SDK's
     * allow-list, §5.1). A completion changes nothing in the workspace, so a refused one (429/503) is retried.
     */
    chat(endpoint: string, body: { messages: unknown[]; [field: string]: unknown }): Promise<ChatCompletion> {
      return client.request({
        method: "POST",
        path: invocations(endpoint),
        body,
        response: chatCompletionSchema,
        operation: `Serving endpoint ${endpoint}`,
        retry: true,
      });
    },
    /** Embeds each input; vectors come back in input order. Embedding has no effect, so 429/503 are retried. */
    async embed(endpoint: string, input: readonly string[]): Promise<number[][]> {
      const answer = await client.request({
        method: "POST",
        path: invocations(endpoint),
        body: { input },
        response: embeddingsSchema,
        operation: `Serving endpoint ${endpoint} embeddings`,
        retry: true,
      });
      if (answer.data.length !== input.length) {
        throw new Error(
          `Serving endpoint ${endpoint} returned ${answer.data.length} embeddings for ${input.length} inputs; bind an embeddings endpoint.`,
        );
      }
      return [...answer.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    },
  };
}
