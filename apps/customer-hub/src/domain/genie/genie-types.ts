import { z } from "zod";

/** The parts of the Genie Conversation API's models this kit reads (reference: databricks-api-shapes §2). */
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

export const startConversationSchema = z.looseObject({ conversation_id: z.string(), message_id: z.string() });

export const queryResultSchema = z.looseObject({
  statement_response: z.looseObject({
    status: z.looseObject({ state: z.string() }).optional(),
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

/** Genie's answer as the panel shows it. */
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

/** A failure with a sentence a person can act on. */
export class GenieError extends Error {
  override name = "GenieError";
}
