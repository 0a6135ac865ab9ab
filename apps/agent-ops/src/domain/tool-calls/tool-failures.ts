import { type Queryable, rowOf } from "@appbase/db";
import { type ToolCallRow, toolCall } from "../../db/schema/tool-call.ts";
import { allToolCallsSql } from "../checkpoints/checkpoint-tool-calls.ts";

/** A tool call that failed, with what it was called with, for the recent-failures list. */
export type ToolFailure = Omit<ToolCallRow, "result" | "status" | "error"> & { error: string };

/** Failed calls (recorded by the kit or read from the checkpoint schemas) since `since` (all time when null), newest first, optionally of one tool, with their total. */
export async function recentToolFailures(
  db: Queryable,
  filter: { since: Date | null; tool?: string; limit?: number },
  schemas: readonly string[],
): Promise<{ rows: ToolFailure[]; total: number }> {
  const values = [filter.since, filter.tool ?? null];
  const where = `status = 'error' and ($1::timestamptz is null or started_at >= $1) and ($2::text is null or tool = $2)`;
  const [page, count] = await Promise.all([
    db.query(
      `select thread_id, tool_call_id, agent, tool, args, result, error, status, started_at,
              coalesce(duration_ms, 0) as duration_ms
       from (${allToolCallsSql(schemas)}) calls where ${where}
      order by started_at desc, thread_id, tool_call_id limit $3`,
      [...values, filter.limit ?? 20],
    ),
    db.query<{ total: number }>(
      `select count(*)::int as total from (${allToolCallsSql(schemas)}) calls where ${where}`,
      values,
    ),
  ]);
  return {
    rows: page.rows.map((raw) => {
      const { result: _result, status: _status, error, ...call } = rowOf(toolCall, raw);
      return { ...call, error: error ?? "(no error message recorded)" };
    }),
    total: count.rows[0]?.total ?? 0,
  };
}
