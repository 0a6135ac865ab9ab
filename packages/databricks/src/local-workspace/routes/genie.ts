import { randomBytes } from "node:crypto";
import { z } from "zod";
import { apiError, ok, type RouteModule, type RouteRequest } from "../route.ts";

const hex = () => randomBytes(16).toString("hex");
const messageRequest = z.object({ content: z.string().min(1), enable_visualization: z.boolean().optional() });

/** How a question ends: COMPLETED with attachments, or FAILED with a Genie error (HTTP 200, §2.4). */
export type GenieAnswer =
  | { status: "COMPLETED"; attachments: Record<string, unknown>[] }
  | { status: "FAILED"; error: { error: string; type: string } };

export interface GenieOptions {
  /** The space that exists (32-hex id); any other space is 404 RESOURCE_DOES_NOT_EXIST. Default: random. */
  spaceId?: string;
  /** GETs of a message answered `ASKING_AI` before its final status. Default 1. */
  pollsBeforeDone?: number;
  answer(question: string): GenieAnswer;
  /** The `statement_response` for a query attachment's result (a §1.3 StatementResponse). */
  queryResult?(statementId: string): Record<string, unknown>;
}

interface StoredMessage {
  message_id: string;
  conversation_id: string;
  content: string;
  polls: number;
  created: number;
  answer: GenieAnswer;
}

export interface GenieRoutes {
  routes: RouteModule[];
  spaceId: string;
}

/**
 * Genie Conversation API (api-shapes §2): start a conversation, follow-up messages, poll a message
 * through SUBMITTED/ASKING_AI to COMPLETED or FAILED, and read a query attachment's result.
 */
export function genieRoutes(options: GenieOptions): GenieRoutes {
  const spaceId = options.spaceId ?? hex();
  const conversations = new Set<string>();
  const messages = new Map<string, StoredMessage>();
  const prefix = "/api/2.0/genie/spaces/{space_id}";
  const userId = 4567890123456789;

  const view = (m: StoredMessage, status: string) => ({
    id: m.message_id,
    message_id: m.message_id,
    conversation_id: m.conversation_id,
    space_id: spaceId,
    user_id: userId,
    content: m.content,
    status,
    created_timestamp: m.created,
    last_updated_timestamp: Date.now(),
    ...(status === "COMPLETED" && m.answer.status === "COMPLETED"
      ? { attachments: m.answer.attachments }
      : {}),
    ...(status === "FAILED" && m.answer.status === "FAILED" ? { error: m.answer.error } : {}),
  });
  const post = (conversationId: string, content: string) => {
    const message: StoredMessage = {
      message_id: hex(),
      conversation_id: conversationId,
      content,
      polls: 0,
      created: Date.now(),
      answer: options.answer(content),
    };
    messages.set(message.message_id, message);
    return message;
  };
  // Every route checks the space, then the conversation and message it names.
  const inSpace = (request: RouteRequest) =>
    request.params.space_id === spaceId
      ? undefined
      : apiError(
          404,
          "RESOURCE_DOES_NOT_EXIST",
          `Genie space ${request.params.space_id} does not exist or you lack access.`,
        );
  const messageOf = (request: RouteRequest) => {
    const m = messages.get(request.params.message_id ?? "");
    return m && m.conversation_id === request.params.conversation_id ? m : undefined;
  };
  const noMessage = (request: RouteRequest) =>
    apiError(404, "RESOURCE_DOES_NOT_EXIST", `Message ${request.params.message_id} does not exist.`);

  return {
    spaceId,
    routes: [
      {
        name: "genie.start-conversation",
        method: "POST",
        path: `${prefix}/start-conversation`,
        handle: (request) => {
          const missing = inSpace(request);
          if (missing) return missing;
          const parsed = messageRequest.safeParse(request.body);
          if (!parsed.success) return apiError(400, "INVALID_PARAMETER_VALUE", "content is required.");
          const conversationId = hex();
          conversations.add(conversationId);
          const m = post(conversationId, parsed.data.content);
          return ok({
            conversation_id: conversationId,
            message_id: m.message_id,
            conversation: {
              id: conversationId,
              conversation_id: conversationId,
              space_id: spaceId,
              user_id: userId,
              title: m.content.slice(0, 200),
              created_timestamp: m.created,
              last_updated_timestamp: m.created,
            },
            message: view(m, "SUBMITTED"),
          });
        },
      },
      {
        name: "genie.create-message",
        method: "POST",
        path: `${prefix}/conversations/{conversation_id}/messages`,
        handle: (request) => {
          const missing = inSpace(request);
          if (missing) return missing;
          if (!conversations.has(request.params.conversation_id ?? "")) {
            return apiError(
              404,
              "RESOURCE_DOES_NOT_EXIST",
              `Conversation ${request.params.conversation_id} does not exist.`,
            );
          }
          const parsed = messageRequest.safeParse(request.body);
          if (!parsed.success) return apiError(400, "INVALID_PARAMETER_VALUE", "content is required.");
          return ok(view(post(request.params.conversation_id ?? "", parsed.data.content), "SUBMITTED"));
        },
      },
      {
        name: "genie.get-message",
        method: "GET",
        path: `${prefix}/conversations/{conversation_id}/messages/{message_id}`,
        handle: (request) => {
          const missing = inSpace(request);
          if (missing) return missing;
          const m = messageOf(request);
          if (!m) return noMessage(request);
          m.polls += 1;
          return ok(view(m, m.polls <= (options.pollsBeforeDone ?? 1) ? "ASKING_AI" : m.answer.status));
        },
      },
      {
        name: "genie.query-result",
        method: "GET",
        path: `${prefix}/conversations/{conversation_id}/messages/{message_id}/attachments/{attachment_id}/query-result`,
        handle: (request) => {
          const missing = inSpace(request);
          if (missing) return missing;
          const m = messageOf(request);
          if (!m) return noMessage(request);
          const done = m.polls > (options.pollsBeforeDone ?? 1);
          const attachment =
            done && m.answer.status === "COMPLETED"
              ? m.answer.attachments.find((a) => a.attachment_id === request.params.attachment_id)
              : undefined;
          const query = attachment?.query as { statement_id?: string } | undefined;
          if (!query?.statement_id || !options.queryResult) {
            return apiError(
              400,
              "INVALID_PARAMETER_VALUE",
              "The attachment has no query result (the message must be COMPLETED).",
            );
          }
          return ok({ statement_response: options.queryResult(query.statement_id) });
        },
      },
    ],
  };
}
