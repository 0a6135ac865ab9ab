import { randomUUID } from "node:crypto";
import type { AiGateway } from "../../clients/serving.ts";
import { apiError, ok, type RouteModule, type RouteReply } from "../route.ts";
import type { Principal } from "../tokens.ts";
import {
  ENDPOINT_USAGE_COLUMNS,
  PAYLOAD_COLUMNS,
  SERVED_ENTITIES_COLUMNS,
  type ServingSystemTables,
} from "./serving-usage.ts";

/**
 * What an endpoint answers for one request body: a response body (200) or a full reply (an error).
 * Build bodies with `chatCompletion` / `embeddingsResponse` so they keep the wire shape.
 */
export type ServingHandler = (body: Record<string, unknown>) => unknown | RouteReply;

export interface ServingOptions {
  /** Endpoint name → handler. Other names are 404 RESOURCE_DOES_NOT_EXIST, as on the platform (§5.3). */
  endpoints: Record<string, ServingHandler>;
  /**
   * Endpoint name → its AI Gateway. The gateway enforces `rate_limits` (calls per minute, key `endpoint`
   * or `user`: 429 REQUEST_LIMIT_EXCEEDED) and, into `tables`, logs each request to the usage tables
   * (usage tracking) and the `<prefix>_payload` inference table when those are enabled.
   */
  gateways?: Record<string, AiGateway>;
  tables?: ServingSystemTables;
  now?: () => number;
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

const requesterOf = (principal: Principal | undefined) =>
  principal?.kind === "user" ? principal.userName : (principal?.clientId ?? "unknown");

/** Tokens as the response reports them (chat `usage`); none for an error. */
function tokensOf(answer: unknown): { input: number | null; output: number | null } {
  const usage = (answer as { usage?: { prompt_tokens?: number; completion_tokens?: number } } | null)?.usage;
  return { input: usage?.prompt_tokens ?? null, output: usage?.completion_tokens ?? null };
}

/**
 * `POST /serving-endpoints/{name}/invocations` (no `/api/2.0` prefix): chat completions and embeddings,
 * behind the endpoint's AI Gateway when `gateways` names one; and `GET /api/2.0/serving-endpoints/{name}`.
 */
export function servingRoutes(options: ServingOptions): RouteModule[] {
  const now = options.now ?? Date.now;
  const seenAt = new Map<string, number[]>();
  const entityId = (name: string) => `se-${name}`;

  const limited = (name: string, requester: string): boolean => {
    const t = now();
    for (const limit of options.gateways?.[name]?.rate_limits ?? []) {
      if (limit.calls === undefined || limit.renewal_period !== "minute") continue;
      const key = `${name}/${limit.key === "user" ? requester : "*"}`;
      const recent = (seenAt.get(key) ?? []).filter((at) => t - at < 60_000);
      seenAt.set(key, recent);
      if (recent.length >= limit.calls) return true;
    }
    for (const limit of options.gateways?.[name]?.rate_limits ?? []) {
      const key = `${name}/${limit.key === "user" ? requester : "*"}`;
      seenAt.get(key)?.push(t);
    }
    return false;
  };

  const log = (
    name: string,
    request: { requester: string; body: unknown; startedAt: number },
    reply: RouteReply,
  ) => {
    const gateway = options.gateways?.[name];
    const tables = options.tables;
    if (!gateway || !tables) return;
    const id = randomUUID();
    const requestTime = new Date(request.startedAt).toISOString();
    const tokens = reply.status === 200 ? tokensOf(reply.body) : { input: null, output: null };
    if (gateway.usage_tracking_config?.enabled) {
      tables.append("system.serving.served_entities", SERVED_ENTITIES_COLUMNS, {
        served_entity_id: entityId(name),
        endpoint_name: name,
        endpoint_id: `ep-${name}`,
        served_entity_name: `${name}-entity`,
        entity_type: "FOUNDATION_MODEL",
        entity_name: name,
      });
      tables.append("system.serving.endpoint_usage", ENDPOINT_USAGE_COLUMNS, {
        databricks_request_id: id,
        requester: request.requester,
        status_code: reply.status,
        request_time: requestTime,
        input_token_count: tokens.input,
        output_token_count: tokens.output,
        request_streaming: false,
        served_entity_id: entityId(name),
      });
    }
    const table = gateway.inference_table_config;
    if (table?.enabled && table.catalog_name && table.schema_name) {
      tables.append(
        `${table.catalog_name}.${table.schema_name}.${table.table_name_prefix ?? name}_payload`,
        PAYLOAD_COLUMNS,
        {
          request_date: requestTime.slice(0, 10),
          databricks_request_id: id,
          request_time: requestTime,
          status_code: reply.status,
          sampling_fraction: 1,
          execution_duration_ms: Math.max(0, now() - request.startedAt),
          request: JSON.stringify(request.body),
          response: typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null),
          served_entity_id: entityId(name),
          requester: request.requester,
        },
      );
    }
  };

  return [
    {
      name: "serving.get-endpoint",
      method: "GET",
      path: "/api/2.0/serving-endpoints/{name}",
      handle: ({ params }) => {
        const name = params.name ?? "";
        if (!options.endpoints[name]) {
          return apiError(404, "RESOURCE_DOES_NOT_EXIST", `Endpoint with name '${name}' does not exist.`);
        }
        const gateway = options.gateways?.[name];
        return ok({
          name,
          id: `ep-${name}`,
          state: { ready: "READY", config_update: "NOT_UPDATING" },
          ...(gateway ? { ai_gateway: gateway } : {}),
        });
      },
    },
    {
      name: "serving.invocations",
      method: "POST",
      path: "/serving-endpoints/{name}/invocations",
      handle: ({ params, body, principal }) => {
        const name = params.name ?? "";
        const handler = options.endpoints[name];
        if (!handler) {
          return apiError(404, "RESOURCE_DOES_NOT_EXIST", `Endpoint with name '${name}' does not exist.`);
        }
        if (typeof body !== "object" || body === null || Array.isArray(body)) {
          return apiError(400, "BAD_REQUEST", "The request body must be a JSON object.");
        }
        const problem = invalidRequest(body as Record<string, unknown>);
        if (problem) return apiError(400, "BAD_REQUEST", problem);
        const request = { requester: requesterOf(principal), body, startedAt: now() };
        if (limited(name, request.requester)) {
          const refused = apiError(
            429,
            "REQUEST_LIMIT_EXCEEDED",
            `Exceeded the rate limit of endpoint '${name}'.`,
          );
          log(name, request, refused);
          return refused;
        }
        const answer = handler(body as Record<string, unknown>);
        const reply = isReply(answer) ? answer : ok(answer);
        log(name, request, reply);
        return reply;
      },
    },
  ];
}
