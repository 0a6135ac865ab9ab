import { readFileSync } from "node:fs";
import { inTransaction, type Queryable } from "@appbase/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentOpsMigrations } from "../../db/migrations.ts";
import { realServerUrl } from "../../testing/env.ts";
import { resumePlainProgram, runPlainProgram } from "../../testing/plain-langgraph-program.ts";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import { createServerDatabase } from "../../testing/server-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { KIT_CHECKPOINT_SCHEMAS } from "../checkpoints/checkpoint-schemas.ts";
import { claimItem, listReviewItems } from "../queue/queue.ts";
import { checkpointerFor } from "./checkpointer.ts";
import { recordRunOutcome, resumeAgentRun, startAgentRun } from "./runs.ts";
import {
  refreshAllThreadSummaries,
  refreshStaleThreadSummaries,
  refreshThreadSummaryIn,
  THREAD_SUMMARY_COLUMNS,
  threadSummarySql,
} from "./thread-summary.ts";

/** The stored summary row of a thread, and the same row computed from its sources now. */
async function storedAndLive(db: Queryable, threadId: string) {
  const stored = await db.query(
    `select ${THREAD_SUMMARY_COLUMNS} from agent_ops.thread_summary where thread_id = $1`,
    [threadId],
  );
  const live = await db.query(threadSummarySql(KIT_CHECKPOINT_SCHEMAS, { runs: "all", thread: "$1" }), [
    threadId,
  ]);
  return { stored: stored.rows, live: live.rows };
}

async function allSummaries(db: Queryable) {
  const { rows } = await db.query(
    `select ${THREAD_SUMMARY_COLUMNS} from agent_ops.thread_summary order by thread_id`,
  );
  return rows;
}

describe("the thread summary, kept by the code that writes runs and checkpoints", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createServedDataDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("follows a run from its start, through its pause for review, to its end", async () => {
    const pool = database.pool;
    const started = await startAgentRun(pool, {
      agent: "customer-support",
      request: "Please refund order ORD-1234, it arrived broken",
      startedBy: "olga@example.com",
    });
    expect(started.status).toBe("interrupted");
    const paused = await storedAndLive(pool, started.threadId);
    expect(paused.stored).toEqual(paused.live);
    expect(paused.stored[0]).toMatchObject({
      kit_run: true,
      status: "interrupted",
      agent: "customer-support",
    });
    expect((paused.stored[0] as { tool_calls: number }).tool_calls).toBeGreaterThan(0);
    expect((paused.stored[0] as { step: number | null }).step).not.toBeNull();

    const [item] = (await listReviewItems(pool, { viewer: "x", seeAll: true })).filter(
      (i) => i.threadId === started.threadId,
    );
    await claimItem(pool, { itemId: item?.id as string, reviewer: "rita@example.com" });
    await resumeAgentRun(pool, {
      threadId: started.threadId,
      resume: { decision: "approve", rationale: "Damaged on arrival" },
    });
    const done = await storedAndLive(pool, started.threadId);
    expect(done.stored).toEqual(done.live);
    expect(done.stored[0]).toMatchObject({ status: "completed" });
    expect((done.stored[0] as { step: number }).step).toBeGreaterThan(
      (paused.stored[0] as { step: number }).step,
    );
  });

  it("a checkpoint written outside a run (a graph on the kit's saver) appears with its thread", async () => {
    const saver = await checkpointerFor(database.pool);
    await saver.put(
      { configurable: { thread_id: "t-bare", checkpoint_ns: "" } },
      {
        v: 4,
        id: "1f000000-0000-6000-8000-000000000001",
        ts: new Date().toISOString(),
        channel_values: {},
        channel_versions: {},
        versions_seen: {},
      },
      { source: "input", step: -1, parents: {} },
      {},
    );
    const bare = await storedAndLive(database.pool, "t-bare");
    expect(bare.stored).toEqual(bare.live);
    expect(bare.stored[0]).toMatchObject({
      kit_run: false,
      step: -1,
      checkpoint_schema: "agent_checkpoints",
    });
  });

  it("a plain LangGraph program writing the kit's schema marks its thread, and the next list read recomputes it", async () => {
    await checkpointerFor(database.pool);
    await runPlainProgram(database.pool, { schema: "agent_checkpoints", threadId: "t-plain", city: "Lyon" });
    // The official saver knows nothing of the summary: the thread is only marked.
    const marked = await database.pool.query("select thread_id from agent_ops.thread_summary_stale");
    expect(marked.rows).toContainEqual({ thread_id: "t-plain" });
    await refreshStaleThreadSummaries(database.pool);
    const paused = await storedAndLive(database.pool, "t-plain");
    expect(paused.stored).toEqual(paused.live);
    expect(paused.stored[0]).toMatchObject({ status: "interrupted", kit_run: false, tool_errors: 1 });
    // Resumed by its own program: marked again, and recomputed to its end.
    await resumePlainProgram(database.pool, {
      schema: "agent_checkpoints",
      threadId: "t-plain",
      city: "Lyon",
      approved: true,
    });
    await refreshStaleThreadSummaries(database.pool);
    const done = await storedAndLive(database.pool, "t-plain");
    expect(done.stored).toEqual(done.live);
    expect(done.stored[0]).toMatchObject({ status: "completed" });
    const left = await database.pool.query("select thread_id from agent_ops.thread_summary_stale");
    expect(left.rows).toEqual([]);
  });

  it("the migration's backfill writes the rows the code computes", async () => {
    const pool = database.pool;
    const expected = await allSummaries(pool);
    expect(expected.length).toBeGreaterThan(1);
    const migration = readFileSync(
      `${agentOpsMigrations.migrationsFolder}/0004_thread_summary.sql`,
      "utf8",
    ).split("--> statement-breakpoint");
    const backfill = migration.at(-1) as string;
    expect(backfill).toContain("DO $backfill$");
    await pool.query("delete from agent_ops.thread_summary");
    await pool.query(backfill);
    expect(await allSummaries(pool)).toEqual(expected);
    // And a full recompute (the repair) changes nothing.
    await refreshAllThreadSummaries(pool);
    expect(await allSummaries(pool)).toEqual(expected);
  });
});

// PGlite serializes clients, so writers that overlap are only exercised against a real server.
const serverUrl = realServerUrl();

describe.runIf(serverUrl)("the thread summary under concurrent writers (real PostgreSQL)", () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  const threadId = "t-race";
  beforeAll(async () => {
    database = await createServerDatabase(serverUrl as string, 10);
    await checkpointerFor(database.pool);
    await database.pool.query(
      `insert into agent_ops.agent_run (thread_id, agent, model, request, started_by)
       values ($1, 'customer-support', 'Scripted', 'Refund ORD-1', 'olga')`,
      [threadId],
    );
    await refreshAllThreadSummaries(database.pool);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("two runs finishing on the same thread at once leave the summary of what was committed last", async () => {
    for (let round = 0; round < 20; round += 1) {
      await Promise.all([
        recordRunOutcome(database.pool, threadId, "completed", null),
        recordRunOutcome(database.pool, threadId, "failed", `round ${round}`),
      ]);
      const { stored, live } = await storedAndLive(database.pool, threadId);
      expect(stored).toEqual(live);
    }
  });

  it("a run's end that overlaps a tool call still being committed counts that call", async () => {
    const client = await database.pool.connect();
    try {
      await client.query("begin");
      await client.query(
        `insert into agent_ops.tool_call (thread_id, tool_call_id, agent, tool, args, status, error, started_at, duration_ms)
         values ($1, 'late-call', 'customer-support', 'lookup_order', '{}', 'error', 'timeout', now(), 5)`,
        [threadId],
      );
      await refreshThreadSummaryIn(client, threadId);
      // The run ends while the tool call's transaction is still open: it must wait for it, then count it.
      const ending = recordRunOutcome(database.pool, threadId, "failed", "the tool timed out");
      await waitForBlockedWriter(database.pool);
      await client.query("commit");
      await ending;
    } finally {
      client.release();
    }
    const { stored, live } = await storedAndLive(database.pool, threadId);
    expect(stored).toEqual(live);
    expect(stored[0]).toMatchObject({ status: "failed", tool_calls: 1, tool_errors: 1 });
  });

  it("concurrent refreshes of many threads commit one row each", async () => {
    await inTransaction(database.pool, async (tx) => {
      await tx.query(
        `insert into agent_ops.agent_run (thread_id, agent, model, request, started_by)
         select 't-many-' || i, 'risk-triage', 'Scripted', 'Triage E' || i, 'olga' from generate_series(1, 30) i`,
      );
    });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        recordRunOutcome(database.pool, `t-many-${i + 1}`, i % 2 ? "completed" : "failed", null),
      ),
    );
    const { rows } = await database.pool.query<{ n: number }>(
      "select count(*)::int as n from agent_ops.thread_summary where thread_id like 't-many-%'",
    );
    expect(rows[0]?.n).toBe(30);
  });
});

/** Waits until another session waits for a lock (the writer queued behind the open transaction). */
async function waitForBlockedWriter(db: Queryable): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from pg_locks where not granted",
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("No writer waited for the open transaction's lock within 2 s.");
}
