import { parseTableParams } from "@appbase/ui/data-table";
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { KIT_CHECKPOINT_SCHEMAS } from "../checkpoints/checkpoint-schemas.ts";
import { checkpointerFor } from "./checkpointer.ts";
import { getRun as getRunIn, listRunAgents, listRuns as listRunsIn, threadTableSpec } from "./list-runs.ts";
import { refreshAllThreadSummaries } from "./thread-summary.ts";

let database: TestDatabase;
const spec = threadTableSpec(["customer-support", "risk-triage"]);
const params = (query: Record<string, string>) => parseTableParams(query, spec);
const listRuns = (pool: TestDatabase["pool"], p: ReturnType<typeof params>) =>
  listRunsIn(pool, p, KIT_CHECKPOINT_SCHEMAS);
const getRun = (pool: TestDatabase["pool"], id: string) => getRunIn(pool, id, KIT_CHECKPOINT_SCHEMAS);
const ids = (page: { rows: Array<{ threadId: string }> }) => page.rows.map((r) => r.threadId);

beforeAll(async () => {
  database = await createTestDatabase();
  const pool = database.pool;
  const saver = await checkpointerFor(pool);
  await pool.query(
    `insert into agent_ops.agent_run (thread_id, agent, model, request, status, started_by, started_at, updated_at) values
      ('t-refund', 'customer-support', 'Scripted demo model (deterministic, no LLM bound)', 'Refund ORD-1234 please', 'completed', 'olga', now() - interval '10 minutes', now() - interval '9 minutes'),
      ('t-risk', 'risk-triage', 'Serving endpoint databricks-claude', 'Triage alert A-77 (100% sure)', 'interrupted', 'olga', now() - interval '5 minutes', now() - interval '5 minutes' + interval '2 seconds'),
      ('t-broken', 'customer-support', 'Scripted demo model (deterministic, no LLM bound)', 'Refund ORD-2220', 'failed', 'adam', now() - interval '1 minute', now())`,
  );
  // Older filler runs so the list has a second page.
  await pool.query(
    `insert into agent_ops.agent_run (thread_id, agent, model, request, status, started_by, started_at, updated_at)
     select 'filler-' || lpad(i::text, 2, '0'), 'customer-support', 'Scripted', 'Where is my order?', 'completed', 'olga',
            now() - interval '1 day' - i * interval '1 minute', now() - interval '1 day' - i * interval '1 minute'
       from generate_series(1, 24) i`,
  );
  await pool.query(
    `insert into agent_ops.tool_call (thread_id, tool_call_id, agent, tool, args, result, error, status, started_at, duration_ms) values
      ('t-broken', 'c1', 'customer-support', 'lookup_order', '{}', null, 'archived', 'error', now(), 5),
      ('t-broken', 'c2', 'customer-support', 'lookup_order', '{}', null, 'archived', 'error', now(), 7),
      ('t-broken', 'c3', 'customer-support', 'lookup_order', '{}', '"ok"', null, 'ok', now(), 3),
      ('t-refund', 'c1', 'customer-support', 'issue_refund', '{}', '"refunded"', null, 'ok', now(), 4),
      ('t-risk', 'c9', 'risk-triage', 'alerts', '{}', null, 'timeout', 'error', now(), 900)`,
  );
  await pool.query(
    `insert into agent_ops.review_item (thread_id, source, source_key, title, status) values
      ('t-risk', 'interrupt', 'interrupt:t-risk:1', 'Approve', 'pending'),
      ('t-refund', 'interrupt', 'interrupt:t-refund:1', 'Approve', 'decided')`,
  );
  // A real two-node graph on the kit's checkpointer for t-refund: its last step is "second".
  const graph = new StateGraph(Annotation.Root({ n: Annotation<number>() }))
    .addNode("first", (s) => ({ n: s.n + 1 }))
    .addNode("second", (s) => ({ n: s.n * 10 }))
    .addEdge(START, "first")
    .addEdge("first", "second")
    .addEdge("second", END)
    .compile({ checkpointer: saver });
  await graph.invoke({ n: 1 }, { configurable: { thread_id: "t-refund" } });
  // The runs and tool calls above were written around the kit's code, which keeps the summaries.
  await refreshAllThreadSummaries(pool);
});
afterAll(async () => {
  await database.close();
});

describe("listRuns", () => {
  it("pages newest first by default, with the total across pages", async () => {
    const first = await listRuns(database.pool, params({}));
    expect(first.total).toBe(27);
    expect(ids(first).slice(0, 3)).toEqual(["t-broken", "t-risk", "t-refund"]);
    expect(first.rows).toHaveLength(25);
    expect(first.estimated).toBe(false);
    const second = await listRuns(database.pool, params({ after: first.next ?? "" }));
    expect(ids(second)).toEqual(["filler-23", "filler-24"]);
    expect(second.next).toBeNull();
    const back = await listRuns(database.pool, params({ before: second.prev ?? "" }));
    expect(ids(back)).toEqual(ids(first));
  });

  it("filters by agent, status and tool errors, and searches thread ids and request text", async () => {
    expect(ids(await listRuns(database.pool, params({ agent: "risk-triage" })))).toEqual(["t-risk"]);
    expect(ids(await listRuns(database.pool, params({ status: "failed" })))).toEqual(["t-broken"]);
    expect(ids(await listRuns(database.pool, params({ errors: "with" })))).toEqual(["t-broken", "t-risk"]);
    expect((await listRuns(database.pool, params({ errors: "without" }))).total).toBe(25);
    expect(ids(await listRuns(database.pool, params({ q: "ORD-12" })))).toEqual(["t-refund"]);
    expect(ids(await listRuns(database.pool, params({ q: "t-bro" })))).toEqual(["t-broken"]);
    // LIKE wildcards are literal characters: "100%" matches only the request that contains it.
    expect(ids(await listRuns(database.pool, params({ q: "100%" })))).toEqual(["t-risk"]);
    expect(ids(await listRuns(database.pool, params({ q: "_" })))).toEqual([]);
    expect(
      ids(await listRuns(database.pool, params({ agent: "customer-support", errors: "with", q: "ORD" }))),
    ).toEqual(["t-broken"]);
  });

  it("sorts by tool errors and by duration, in either direction", async () => {
    const byErrors = await listRuns(database.pool, params({ sort: "tool_errors", dir: "desc" }));
    expect(byErrors.rows.slice(0, 2).map((r) => [r.threadId, r.toolErrors, r.toolCalls])).toEqual([
      ["t-broken", 2, 3],
      ["t-risk", 1, 1],
    ]);
    const byDuration = await listRuns(database.pool, params({ sort: "duration_ms", dir: "desc" }));
    expect(ids(byDuration).slice(0, 2)).toEqual(["t-refund", "t-broken"]);
    expect(byDuration.rows[0]?.durationMs).toBe(60_000);
  });

  it("summarizes a thread: model kind, open reviews, and the nodes of its last checkpoint", async () => {
    const refund = await getRun(database.pool, "t-refund");
    expect(refund).toMatchObject({
      agent: "customer-support",
      modelKind: "scripted",
      openReviews: 0,
      toolCalls: 1,
      toolErrors: 0,
      lastStep: { step: 2, nodes: ["second"] },
    });
    expect(await getRun(database.pool, "t-risk")).toMatchObject({
      modelKind: "serving-endpoint",
      openReviews: 1,
      durationMs: 2000,
      lastStep: null,
    });
    expect(await getRun(database.pool, "not-a-kit-thread")).toBeNull();
  });

  it("offers the agents that have runs as filter options", async () => {
    expect(await listRunAgents(database.pool, KIT_CHECKPOINT_SCHEMAS)).toEqual([
      "customer-support",
      "risk-triage",
    ]);
  });
});
