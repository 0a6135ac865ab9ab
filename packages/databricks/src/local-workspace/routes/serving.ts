import { randomUUID } from "node:crypto";
import { apiError, ok, type RouteModule, type RouteReply } from "../route.ts";

/**
 * What an endpoint answers for one request body: a response body (200) or a full reply (an error).
 * Build bodies with `chatCompletion` / `embeddingsResponse` so they keep the wire shape.
 */
export type ServingHandler = (body: Record<string, unknown>) => unknown | RouteReply;

export interface ServingOptions {
  /** Endpoint name → handler. Other names are 404 RESOURCE_DOES_NOT_EXIST, as on the platform (§5.3). */
  endpoints: Record<string, ServingHandler>;
}

const isReply = (value: unknown): value is RouteReply =>
  typeof value === "object" && value !== null && "status" in value && typeof value.status === "number";

/**
 * A non-streaming chat completion (api-shapes §5.2): OpenAI-compatible, `finish_reason` in snake_case,
 * tool-call `arguments` as a JSON string, `usage` always present.
 */
export function chatCompletion(
  reply: { content: string } | { toolCalls: { name: string; arguments: Record<string, unknown> }[] },
  model = "fake-model-1",
): Record<string, unknown> {
  const toolCalls =
    "toolCalls" in reply
      ? reply.toolCalls.map((call) => ({
          id: `call_${randomUUID()}`,
          type: "function",
          function: { name: call.name, arguments: JSON.stringify(call.arguments) },
        }))
      : undefined;
  const content = "content" in reply ? reply.content : null;
  const completion = Math.max(1, Math.ceil(JSON.stringify(content ?? toolCalls).length / 4));
  return {
    id: `chatcmpl_${randomUUID()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls ? "tool_calls" : "stop",
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: completion, total_tokens: 10 + completion },
  };
}

/** An embeddings response: `object: "list"`, one `{object: "embedding", index, embedding}` per input (OpenAI-compatible, §5). */
export function embeddingsResponse(vectors: readonly (readonly number[])[], model = "fake-embeddings-1") {
  return {
    object: "list",
    model,
    data: vectors.map((embedding, index) => ({ object: "embedding", index, embedding: [...embedding] })),
    usage: { prompt_tokens: vectors.length, total_tokens: vectors.length },
  };
}

function invalidRequest(body: Record<string, unknown>): string | undefined {
  if (body.messages === undefined && body.input === undefined && body.inputs === undefined) {
    return "The request needs messages (chat) or input (embeddings).";
  }
  if (body.messages !== undefined && !Array.isArray(body.messages)) return "messages must be a list.";
  const tools = body.tools;
  if (Array.isArray(tools)) {
    for (const tool of tools as { function?: { parameters?: unknown } }[]) {
      if (tool.function?.parameters === undefined) {
        return `"parameters" is a required property for "function" object in parameter "tools"`;
      }
    }
  }
  return undefined;
}

/** `POST /serving-endpoints/{name}/invocations` (no `/api/2.0` prefix): chat completions and embeddings. */
export function servingRoutes(options: ServingOptions): RouteModule[] {
  return [
    {
      name: "serving.invocations",
      method: "POST",
      path: "/serving-endpoints/{name}/invocations",
      handle: ({ params, body }) => {
        const handler = options.endpoints[params.name ?? ""];
        if (!handler) {
          return apiError(
            404,
            "RESOURCE_DOES_NOT_EXIST",
            `Endpoint with name '${params.name}' does not exist.`,
          );
        }
        if (typeof body !== "object" || body === null || Array.isArray(body)) {
          return apiError(400, "BAD_REQUEST", "The request body must be a JSON object.");
        }
        const problem = invalidRequest(body as Record<string, unknown>);
        if (problem) return apiError(400, "BAD_REQUEST", problem);
        const answer = handler(body as Record<string, unknown>);
        return isReply(answer) ? answer : ok(answer);
      },
    },
  ];
}
