import { createHash } from "node:crypto";
import { ConflictError } from "@appbase/next-kit/errors";
import type { KitCaller } from "@appbase/next-kit/kit-call";
import type pg from "pg";
import type { AgentModel } from "../agents/agent-model.ts";
import type { AgentName } from "../agents/agents.ts";
import { agentAvailability } from "../registry/agent-availability.ts";
import { type RunStatus, startAgentRun } from "./runs.ts";

/** The thread a hand-off starts, named by its idempotency key: the same key, the same thread. */
export function handoffThreadId(idempotencyKey: string): string {
  return `thread-handoff-${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}`;
}

async function runOf(pool: Pick<pg.Pool, "query">, threadId: string) {
  const { rows } = await pool.query<{ status: RunStatus; agent: string }>(
    "select status, agent from agent_ops.agent_run where thread_id = $1",
    [threadId],
  );
  return rows[0];
}

/**
 * Starts an agent on work another kit hands it (POST /api/runs), once per idempotency key: a repeat,
 * even a concurrent one, answers the thread the first started. The run goes as far as it can (to its
 * human review) before this answers; the registry decides whether the agent may start.
 */
export async function startHandedRun(
  pool: pg.Pool,
  input: { idempotencyKey: string; agent: AgentName; request: string; requestedBy: string },
  options: { model?: AgentModel; kits?: KitCaller } = {},
): Promise<{ threadId: string; status: RunStatus; started: boolean }> {
  const threadId = handoffThreadId(input.idempotencyKey);
  const known = await runOf(pool, threadId);
  const answer = (run: { status: RunStatus; agent: string }) => {
    if (run.agent !== input.agent)
      throw new ConflictError(
        `Idempotency key ${input.idempotencyKey} already started a ${run.agent} run; use a new key for other work.`,
        { threadId },
      );
    return { threadId, status: run.status, started: false };
  };
  if (known) return answer(known);
  const availability = await agentAvailability(pool, input.agent);
  if (!availability.runnable) throw new ConflictError(availability.reason, { agent: input.agent });
  try {
    const outcome = await startAgentRun(pool, {
      agent: input.agent,
      request: input.request,
      startedBy: input.requestedBy,
      threadId,
      ...(options.model ? { model: options.model } : {}),
      ...(options.kits ? { kits: options.kits } : {}),
    });
    return { threadId, status: outcome.status, started: true };
  } catch (failure) {
    // A concurrent hand-off with the same key inserted the run first: answer its thread.
    const raced = (failure as { code?: string }).code === "23505" ? await runOf(pool, threadId) : undefined;
    if (raced) return answer(raced);
    throw failure;
  }
}
