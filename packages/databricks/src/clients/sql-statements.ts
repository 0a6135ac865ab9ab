import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";

// Shapes of the SQL Statement Execution API (api-shapes §1). Unknown fields are tolerated: the API
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
        .object({
          column_count: z.number().optional(),
          columns: z
            .array(
              z.object({
                name: z.string(),
                position: z.number().optional(),
                type_name: z.string().optional(),
                type_text: z.string().optional(),
              }),
            )
            .default([]),
        })
        .optional(),
      total_chunk_count: z.number().optional(),
      total_row_count: z.number().optional(),
      truncated: z.boolean().optional(),
    })
    .optional(),
  result: resultDataSchema.optional(),
});
export type StatementResponse = z.infer<typeof statementResponseSchema>;

/** A named statement parameter; `value` is always text, `null` means SQL NULL. */
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

/** A statement that ran and did not succeed (FAILED, CANCELED, CLOSED) or did not finish in time. */
export class StatementFailedError extends Error {
  override name = "StatementFailedError";
  constructor(
    message: string,
    readonly statementId: string,
    readonly state: StatementState | "TIMED_OUT",
    readonly errorCode?: string,
    readonly sqlState?: string,
    /** The server's own error text (FAILED only). */
    readonly serverMessage?: string,
  ) {
    super(message);
  }
}

export interface SqlStatementOptions {
  /** SQL warehouse id, from the app's `sql_warehouse` resource binding. */
  warehouseId: string;
  /** How long POST waits before returning PENDING/RUNNING: "0s" or "5s".."50s". Default "30s". */
  waitTimeout?: string;
  /** Polling of unfinished statements: first delay, maximum delay, overall deadline. */
  poll?: { initialMs?: number; maxMs?: number; timeoutMs?: number };
  sleep?: (ms: number) => Promise<void>;
}

const DONE = new Set<StatementState>(["SUCCEEDED", "FAILED", "CANCELED", "CLOSED"]);

/**
 * SQL Statement Execution: submit (INLINE, JSON_ARRAY, CONTINUE on wait timeout), poll with doubling
 * delays until a terminal state, then follow every chunk link. A refused submission (429/503) did no
 * work, so it is retried like the GETs.
 */
export function sqlStatements(client: WorkspaceClient, options: SqlStatementOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const poll = { initialMs: 250, maxMs: 5000, timeoutMs: 600_000, ...options.poll };

  const get = (id: string) =>
    client.request({
      method: "GET",
      path: `/api/2.0/sql/statements/${encodeURIComponent(id)}`,
      response: statementResponseSchema,
      operation: `SQL statement ${id} status`,
    });

  async function execute(statement: Statement): Promise<StatementResult> {
    let response = await client.request({
      method: "POST",
      path: "/api/2.0/sql/statements",
      body: {
        warehouse_id: options.warehouseId,
        statement: statement.statement,
        parameters: statement.parameters.map((p) =>
          p.value === null ? { name: p.name, ...(p.type ? { type: p.type } : {}) } : p,
        ),
        wait_timeout: options.waitTimeout ?? "30s",
        on_wait_timeout: "CONTINUE",
        disposition: "INLINE",
        format: "JSON_ARRAY",
      },
      response: statementResponseSchema,
      operation: "SQL statement execution (POST /api/2.0/sql/statements)",
      retry: true,
    });
    const id = response.statement_id;
    const deadline = Date.now() + poll.timeoutMs;
    let wait = poll.initialMs;
    while (!DONE.has(response.status.state)) {
      if (Date.now() + wait > deadline) {
        await cancel(id).catch(() => undefined);
        throw new StatementFailedError(
          `Statement ${id} did not finish within ${poll.timeoutMs} ms and was cancelled; check the SQL warehouse is running.`,
          id,
          "TIMED_OUT",
        );
      }
      await sleep(wait);
      wait = Math.min(wait * 2, poll.maxMs);
      response = await get(id);
    }
    return finish(response);
  }

  async function finish(response: StatementResponse): Promise<StatementResult> {
    const id = response.statement_id;
    const { state, error, sql_state } = response.status;
    if (state === "FAILED") {
      const message = error?.message ?? "no message";
      throw new StatementFailedError(
        `Databricks SQL failed (${error?.error_code ?? "UNKNOWN"}${sql_state ? `, SQLSTATE ${sql_state}` : ""}): ${message}`,
        id,
        state,
        error?.error_code,
        sql_state,
        message,
      );
    }
    if (state !== "SUCCEEDED") {
      throw new StatementFailedError(
        `Statement ${id} ended in state ${state}; its result is not available. Run it again.`,
        id,
        state,
      );
    }
    const columns = (response.manifest?.schema?.columns ?? []).map((c) => c.name);
    const rows: (string | null)[][] = [...(response.result?.data_array ?? [])];
    let link = response.result?.next_chunk_internal_link;
    let next = response.result?.next_chunk_index;
    // The link is opaque (§1.5): follow it as given, falling back to the documented path.
    while (link !== undefined || next !== undefined) {
      const [path = "", search = ""] = (link ?? `/api/2.0/sql/statements/${id}/result/chunks/${next}`).split(
        "?",
      );
      const chunk = await client.request({
        method: "GET",
        path,
        query: Object.fromEntries(new URLSearchParams(search)),
        response: resultDataSchema,
        operation: `SQL statement ${id} result chunk`,
      });
      rows.push(...(chunk.data_array ?? []));
      link = chunk.next_chunk_internal_link;
      next = chunk.next_chunk_index;
    }
    return { statementId: id, columns, rows };
  }

  function cancel(id: string): Promise<unknown> {
    return client.request({
      method: "POST",
      path: `/api/2.0/sql/statements/${encodeURIComponent(id)}/cancel`,
      response: z.unknown(),
      operation: `SQL statement ${id} cancel`,
      retry: true,
    });
  }

  return { execute, get, cancel };
}
