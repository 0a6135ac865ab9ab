import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";

// The parts of the Genie Conversation API's models (api-shapes §2.2) a caller reads.
export const genieMessageSchema = z.looseObject({
  message_id: z.string(),
  conversation_id: z.string(),
  status: z.string(),
  attachments: z
    .array(
      z.looseObject({
        attachment_id: z.string().optional(),
        query: z
          .looseObject({
            title: z.string().optional(),
            description: z.string().optional(),
            query: z.string().optional(),
            statement_id: z.string().optional(),
          })
          .optional(),
        text: z.looseObject({ content: z.string() }).optional(),
        suggested_questions: z.looseObject({ questions: z.array(z.string()) }).optional(),
      }),
    )
    .optional(),
  error: z.looseObject({ error: z.string().optional(), type: z.string().optional() }).optional(),
});
export type GenieMessage = z.infer<typeof genieMessageSchema>;

const startConversationSchema = z.looseObject({ conversation_id: z.string(), message_id: z.string() });
const queryResultSchema = z.looseObject({
  statement_response: z.looseObject({
    manifest: z
      .looseObject({
        schema: z
          .looseObject({ columns: z.array(z.looseObject({ name: z.string() })).optional() })
          .optional(),
      })
      .optional(),
    result: z.looseObject({ data_array: z.array(z.array(z.string().nullable())).optional() }).optional(),
  }),
});

/** A completed Genie answer: its text, the SQL it ran and that query's rows, and follow-up questions. */
export interface GenieAnswer {
  conversationId: string;
  messageId: string;
  text: string | null;
  sql: string | null;
  queryTitle: string | null;
  columns: string[];
  rows: (string | null)[][];
  suggestedQuestions: string[];
}

/** Genie answered the question with a failure (HTTP 200, status FAILED or another non-answer). */
export class GenieMessageError extends Error {
  override name = "GenieMessageError";
  constructor(
    message: string,
    readonly status: string,
    readonly errorType?: string,
  ) {
    super(message);
  }
}

export interface GenieOptions {
  spaceId: string;
  /** Delay before poll n: min(n × 1 s, 5 s) by default, as Databricks recommends a few seconds. */
  pollDelayMs?: (attempt: number) => number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

// COMPLETED and FAILED end a wait; CANCELLED and QUERY_RESULT_EXPIRED would make SDK waiters spin (§2.3), so they end it too.
const DONE = new Set(["COMPLETED", "FAILED", "CANCELLED", "QUERY_RESULT_EXPIRED"]);

/** Genie Conversation API for one space. */
export function genie(client: WorkspaceClient, options: GenieOptions) {
  const base = `/api/2.0/genie/spaces/${encodeURIComponent(options.spaceId)}`;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const delay = options.pollDelayMs ?? ((attempt: number) => Math.min(1_000 * attempt, 5_000));

  /** Starts a conversation with `question`, waits for the message, and reads its query result. */
  async function ask(question: string): Promise<GenieAnswer> {
    const started = await client.request({
      method: "POST",
      path: `${base}/start-conversation`,
      body: { content: question },
      response: startConversationSchema,
      operation: "Genie start conversation",
    });
    const messagePath = `${base}/conversations/${started.conversation_id}/messages/${started.message_id}`;
    const getMessage = () =>
      client.request({
        method: "GET",
        path: messagePath,
        response: genieMessageSchema,
        operation: "Genie message status",
      });
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    let message = await getMessage();
    for (let attempt = 1; !DONE.has(message.status); attempt++) {
      if (Date.now() > deadline) {
        throw new GenieMessageError(
          "Genie did not answer in time; try a simpler question or ask again later.",
          message.status,
        );
      }
      await sleep(delay(attempt));
      message = await getMessage();
    }
    if (message.status !== "COMPLETED") {
      throw new GenieMessageError(
        `Genie could not answer: ${message.error?.error ?? message.status}. Rephrase the question, or check the space's data access.`,
        message.status,
        message.error?.type,
      );
    }
    const attachments = message.attachments ?? [];
    const query = attachments.find((a) => a.query?.statement_id && a.attachment_id);
    let columns: string[] = [];
    let rows: (string | null)[][] = [];
    if (query?.attachment_id) {
      const result = await client.request({
        method: "GET",
        path: `${messagePath}/attachments/${query.attachment_id}/query-result`,
        response: queryResultSchema,
        operation: "Genie query result",
      });
      columns = (result.statement_response.manifest?.schema?.columns ?? []).map((c) => c.name);
      rows = result.statement_response.result?.data_array ?? [];
    }
    return {
      conversationId: message.conversation_id,
      messageId: message.message_id,
      text: attachments.find((a) => a.text)?.text?.content ?? null,
      sql: query?.query?.query ?? null,
      queryTitle: query?.query?.title ?? null,
      columns,
      rows,
      suggestedQuestions: attachments.flatMap((a) => a.suggested_questions?.questions ?? []),
    };
  }

  return { ask };
}
