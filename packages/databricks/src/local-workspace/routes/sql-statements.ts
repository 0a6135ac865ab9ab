import { randomUUID } from "node:crypto";
import { z } from "zod";
import { apiError, ok, type RouteModule, type RouteReply } from "../route.ts";

// ExecuteStatementRequest (api-shapes §1.2).
const executeRequest = z.object({
  warehouse_id: z.string().min(1),
  statement: z.string().min(1),
  catalog: z.string().optional(),
  schema: z.string().optional(),
  parameters: z
    .array(
      z
        .object({ name: z.string(), value: z.string().nullable().optional(), type: z.string().optional() })
        .strict(),
    )
    .optional(),
  wait_timeout: z
    .string()
    .regex(/^(0|[5-9]|[1-4]\d|50)s$/, { error: "wait_timeout must be 0s or between 5s and 50s" })
    .optional(),
  on_wait_timeout: z.enum(["CONTINUE", "CANCEL"]).optional(),
  disposition: z.enum(["INLINE", "EXTERNAL_LINKS"]).optional(),
  format: z.enum(["JSON_ARRAY", "ARROW_STREAM", "CSV"]).optional(),
  row_limit: z.number().optional(),
  byte_limit: z.number().optional(),
});
export type ExecuteStatementRequest = z.infer<typeof executeRequest>;

/** A result column: a name (type STRING) or a name with its SQL type. */
export type PlannedColumn = string | { name: string; type_name: string; type_text?: string };

/** How the workspace answers one statement. */
export interface StatementPlan {
  /** GET polls answered PENDING, then RUNNING, before the final state (the wait timeout "expired"). */
  polls?: number;
  columns?: PlannedColumn[];
  /** Cells are strings or null, as on the wire (§1.4). */
  rows?: (string | null)[][];
  /** Rows per result chunk; more rows than this produce `next_chunk_*` links. */
  chunkSize?: number;
  /** Execution failure: HTTP 200 with state FAILED (§1.5). */
  failed?: { error_code: string; message: string; sql_state?: string };
  end?: "CANCELED" | "CLOSED";
}

interface Live {
  plan: StatementPlan;
  pollsLeft: number;
  cancelled: boolean;
}

export interface SqlStatementRoutes {
  routes: RouteModule[];
  /** Every accepted ExecuteStatementRequest, in order. */
  executed: ExecuteStatementRequest[];
}

/**
 * SQL Statement Execution (api-shapes §1): execute, get, result chunks and cancel. `plan` decides how
 * each statement ends; the route keeps the documented lifecycle (PENDING/RUNNING until polled, FAILED as
 * HTTP 200, chunk links on every chunk but the last, 404 for unknown statements).
 */
export function sqlStatementRoutes(
  plan: (request: ExecuteStatementRequest) => StatementPlan,
): SqlStatementRoutes {
  const executed: ExecuteStatementRequest[] = [];
  const live = new Map<string, Live>();

  const chunkOf = (id: string, p: StatementPlan, index: number) => {
    const size = p.chunkSize ?? 1000;
    const rows = p.rows ?? [];
    const slice = rows.slice(index * size, (index + 1) * size);
    const hasNext = (index + 1) * size < rows.length;
    return {
      chunk_index: index,
      row_offset: index * size,
      row_count: slice.length,
      data_array: slice,
      ...(hasNext
        ? {
            next_chunk_index: index + 1,
            next_chunk_internal_link: `/api/2.0/sql/statements/${id}/result/chunks/${index + 1}?row_offset=${(index + 1) * size}`,
          }
        : {}),
    };
  };

  const statementResponse = (id: string, l: Live) => {
    if (l.cancelled) return { statement_id: id, status: { state: "CANCELED" } };
    if (l.pollsLeft > 0)
      return { statement_id: id, status: { state: l.pollsLeft > 1 ? "PENDING" : "RUNNING" } };
    const p = l.plan;
    if (p.failed) {
      const { sql_state, ...error } = p.failed;
      return { statement_id: id, status: { state: "FAILED", ...(sql_state ? { sql_state } : {}), error } };
    }
    if (p.end) return { statement_id: id, status: { state: p.end } };
    const columns = (p.columns ?? []).map((c) =>
      typeof c === "string" ? { name: c, type_name: "STRING" } : c,
    );
    const rows = p.rows ?? [];
    const size = p.chunkSize ?? 1000;
    const chunkCount = Math.max(1, Math.ceil(rows.length / size));
    return {
      statement_id: id,
      status: { state: "SUCCEEDED" },
      manifest: {
        format: "JSON_ARRAY",
        schema: {
          column_count: columns.length,
          columns: columns.map((c, position) => ({
            name: c.name,
            position,
            type_name: c.type_name,
            type_text: c.type_text ?? c.type_name,
          })),
        },
        total_chunk_count: chunkCount,
        chunks: Array.from({ length: chunkCount }, (_, i) => ({
          chunk_index: i,
          row_offset: i * size,
          row_count: Math.min(size, rows.length - i * size),
        })),
        total_row_count: rows.length,
        truncated: false,
      },
      result: chunkOf(id, p, 0),
    };
  };

  const withStatement = (id: string, answer: (l: Live) => RouteReply): RouteReply => {
    const l = live.get(id);
    return l ? answer(l) : apiError(404, "NOT_FOUND", `Statement ${id} not found.`);
  };

  return {
    executed,
    routes: [
      {
        name: "sql.execute",
        method: "POST",
        path: "/api/2.0/sql/statements",
        handle: ({ body }) => {
          const parsed = executeRequest.safeParse(body);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            return apiError(400, "INVALID_PARAMETER_VALUE", `${issue?.path.join(".")}: ${issue?.message}`);
          }
          executed.push(parsed.data);
          const id = randomUUID();
          const p = plan(parsed.data);
          const l: Live = { plan: p, pollsLeft: p.polls ?? 0, cancelled: false };
          live.set(id, l);
          if (l.pollsLeft > 0 && parsed.data.on_wait_timeout === "CANCEL") l.cancelled = true;
          return ok(
            l.pollsLeft > 0 && !l.cancelled
              ? { statement_id: id, status: { state: "PENDING" } }
              : statementResponse(id, l),
          );
        },
      },
      {
        name: "sql.get",
        method: "GET",
        path: "/api/2.0/sql/statements/{statement_id}",
        handle: ({ params }) =>
          withStatement(params.statement_id ?? "", (l) => {
            if (l.pollsLeft > 0) l.pollsLeft -= 1;
            return ok(statementResponse(params.statement_id ?? "", l));
          }),
      },
      {
        name: "sql.chunk",
        method: "GET",
        path: "/api/2.0/sql/statements/{statement_id}/result/chunks/{chunk_index}",
        handle: ({ params }) =>
          withStatement(params.statement_id ?? "", (l) => {
            const index = Number(params.chunk_index);
            const total = Math.max(1, Math.ceil((l.plan.rows ?? []).length / (l.plan.chunkSize ?? 1000)));
            if (!Number.isInteger(index) || index < 0 || index >= total) {
              return apiError(
                400,
                "INVALID_PARAMETER_VALUE",
                `chunk_index ${params.chunk_index} is out of range.`,
              );
            }
            return ok(chunkOf(params.statement_id ?? "", l.plan, index));
          }),
      },
      {
        name: "sql.cancel",
        method: "POST",
        path: "/api/2.0/sql/statements/{statement_id}/cancel",
        handle: ({ params }) =>
          withStatement(params.statement_id ?? "", (l) => {
            if (l.pollsLeft > 0) l.cancelled = true;
            return ok({});
          }),
      },
    ],
  };
}
