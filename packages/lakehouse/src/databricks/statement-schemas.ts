import { z } from "zod";

// Shapes of the SQL Statement Execution API (reference §1). Unknown fields are tolerated: the API
// adds fields over time and third-party payloads show extras (byte_count, is_volume_operation).

export const statementStateSchema = z.enum([
  "PENDING",
  "RUNNING",
  "SUCCEEDED",
  "FAILED",
  "CANCELED",
  "CLOSED",
  "STATE_UNSPECIFIED",
]);
export type StatementState = z.infer<typeof statementStateSchema>;

export const columnInfoSchema = z.object({
  name: z.string(),
  position: z.number().optional(),
  type_name: z.string().optional(),
  type_text: z.string().optional(),
});

export const resultDataSchema = z.object({
  chunk_index: z.number().optional(),
  row_offset: z.number().optional(),
  row_count: z.number().optional(),
  data_array: z.array(z.array(z.string().nullable())).optional(),
  next_chunk_index: z.number().optional(),
  next_chunk_internal_link: z.string().optional(),
});

export const statementResponseSchema = z.object({
  statement_id: z.string(),
  status: z.object({
    state: statementStateSchema,
    error: z.object({ error_code: z.string().optional(), message: z.string().optional() }).optional(),
    sql_state: z.string().optional(),
  }),
  manifest: z
    .object({
      format: z.string().optional(),
      schema: z
        .object({ column_count: z.number().optional(), columns: z.array(columnInfoSchema).default([]) })
        .optional(),
      total_chunk_count: z.number().optional(),
      total_row_count: z.number().optional(),
      truncated: z.boolean().optional(),
    })
    .optional(),
  result: resultDataSchema.optional(),
});
export type StatementResponse = z.infer<typeof statementResponseSchema>;

/** The error envelope every /api/2.0 endpoint returns with a non-2xx status (reference §0.2). */
export const errorEnvelopeSchema = z.object({
  error_code: z.string(),
  message: z.string(),
  details: z.array(z.record(z.string(), z.unknown())).optional(),
});

/** A named statement parameter; `value` is always text, `null`/absent means SQL NULL. */
export interface StatementParameter {
  name: string;
  value: string | null;
  type?: string;
}

/** A statement to run: Databricks SQL with `:name` markers and their values. */
export interface Statement {
  statement: string;
  parameters: StatementParameter[];
}

/** A finished statement's rows as text cells, with the column names from the manifest. */
export interface StatementResult {
  statementId: string;
  columns: string[];
  rows: (string | null)[][];
}
