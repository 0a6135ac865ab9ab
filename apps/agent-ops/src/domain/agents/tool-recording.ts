import type { Queryable } from "@appbase/db";

export interface ToolCallRecord {
  threadId: string;
  toolCallId: string;
  agent: string;
  tool: string;
  args: Record<string, unknown>;
  startedAt: Date;
  durationMs: number;
  output?: string;
  error?: string;
}

export interface RecordedCall {
  status: "ok" | "error";
  /** The tool's output exactly as the model saw it (JSON results are stored as JSON). */
  output: string;
  error: string | null;
}

// Results that are JSON are stored as JSON so the records page can show and query them as such.
function asJson(output: string): unknown {
  try {
    return JSON.parse(output);
  } catch {
    return output;
  }
}

function asOutput(result: unknown): string {
  return typeof result === "string" ? result : JSON.stringify(result);
}

/** The recorded call for (thread, tool call id), if one ran already. */
export async function findRecordedToolCall(
  db: Queryable,
  threadId: string,
  toolCallId: string,
): Promise<RecordedCall | undefined> {
  const { rows } = await db.query<{ status: "ok" | "error"; result: unknown; error: string | null }>(
    "select status, result, error from agent_ops.tool_call where thread_id = $1 and tool_call_id = $2",
    [threadId, toolCallId],
  );
  const row = rows[0];
  return row ? { status: row.status, output: asOutput(row.result ?? ""), error: row.error } : undefined;
}

/**
 * Writes one tool call; idempotent on (thread_id, tool_call_id). When two executions race, the first
 * row wins and both callers get what it recorded.
 */
export async function recordToolCall(db: Queryable, call: ToolCallRecord): Promise<RecordedCall> {
  const failed = call.error !== undefined;
  await db.query(
    `insert into agent_ops.tool_call
       (thread_id, tool_call_id, agent, tool, args, result, error, status, started_at, duration_ms)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (thread_id, tool_call_id) do nothing`,
    [
      call.threadId,
      call.toolCallId,
      call.agent,
      call.tool,
      JSON.stringify(call.args),
      failed ? null : JSON.stringify(asJson(call.output ?? "")),
      failed ? call.error : null,
      failed ? "error" : "ok",
      call.startedAt,
      call.durationMs,
    ],
  );
  const stored = await findRecordedToolCall(db, call.threadId, call.toolCallId);
  if (!stored) throw new Error(`Tool call ${call.toolCallId} of thread ${call.threadId} was not recorded.`);
  return stored;
}
