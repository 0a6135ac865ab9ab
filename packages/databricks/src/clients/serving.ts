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

const invocations = (endpoint: string) => `/serving-endpoints/${encodeURIComponent(endpoint)}/invocations`;

/** Model serving (`POST /serving-endpoints/{name}/invocations`, no `/api/2.0` prefix). */
export function serving(client: WorkspaceClient) {
  return {
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
