import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBulkHistory } from "./bulk-history.ts";
import { KIT_CHECKPOINT_SCHEMAS } from "./domain/checkpoints/checkpoint-schemas.ts";
import { checkpointerFor } from "./domain/runs/checkpointer.ts";
import { THREAD_SUMMARY_COLUMNS, threadSummarySql } from "./domain/runs/thread-summary.ts";
import { createTestDatabase, type TestDatabase } from "./testing/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await checkpointerFor(database.pool);
});
afterAll(async () => {
  await database.close();
});

describe("the bulk past history of the large scale", () => {
  it("writes finished runs over a year with their tool calls and summaries, and a second load adds nothing", async () => {
    const log: string[] = [];
    const threads = 3_000;
    expect(await loadBulkHistory(database.pool, { threads, seed: 7, log: (l) => log.push(l) })).toBe(threads);
    const { rows } = await database.pool.query<{
      runs: number;
      failed: number;
      summaries: number;
      with_calls: number;
      first: Date;
      last: Date;
    }>(
      `select (select count(*)::int from agent_ops.agent_run) as runs,
              (select count(*)::int from agent_ops.agent_run where status = 'failed') as failed,
              (select count(*)::int from agent_ops.thread_summary) as summaries,
              (select count(*)::int from agent_ops.thread_summary where tool_calls > 0) as with_calls,
              (select min(started_at) from agent_ops.agent_run) as first,
              (select max(started_at) from agent_ops.agent_run) as last`,
    );
    expect(rows[0]).toMatchObject({
      runs: threads,
      failed: threads * 0.15,
      summaries: threads,
      with_calls: threads / 3,
    });
    const spanDays = ((rows[0]?.last.getTime() ?? 0) - (rows[0]?.first.getTime() ?? 0)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(360);
    expect(rows[0]?.last.getTime()).toBeLessThan(Date.now());
    expect(log.at(-1)).toBe("past threads: summarising");
    // The stored summaries are the ones the kit's summary code computes from the runs and tool calls.
    const hash = (from: string) =>
      database.pool.query<{ h: string }>(
        `select md5(string_agg(row(${THREAD_SUMMARY_COLUMNS})::text, ',' order by thread_id)) as h from (${from}) s`,
      );
    const stored = await hash(`select ${THREAD_SUMMARY_COLUMNS} from agent_ops.thread_summary`);
    const live = await hash(threadSummarySql(KIT_CHECKPOINT_SCHEMAS, { runs: "all" }));
    expect(stored.rows[0]?.h).toBe(live.rows[0]?.h);
    expect(await loadBulkHistory(database.pool, { threads, seed: 7, log: () => {} })).toBe(0);
  });
});
