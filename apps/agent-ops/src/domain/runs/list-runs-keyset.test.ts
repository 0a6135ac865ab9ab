import { parseTableParams } from "@appbase/ui/data-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { KIT_CHECKPOINT_SCHEMAS } from "../checkpoints/checkpoint-schemas.ts";
import { checkpointerFor } from "./checkpointer.ts";
import { listRuns, type RunPage, threadTableSpec } from "./list-runs.ts";
import { refreshAllThreadSummaries } from "./thread-summary.ts";

// More threads than the exact count reaches, with many ties in every sort column.
const THREADS = 1_200;
const spec = threadTableSpec(["customer-support", "risk-triage"]);
let database: TestDatabase;

interface Thread {
  id: string;
  startedAt: number;
  durationMs: number;
  toolErrors: number;
  agent: string;
  status: string;
}
let threads: Thread[];

beforeAll(async () => {
  database = await createTestDatabase();
  const pool = database.pool;
  await checkpointerFor(pool);
  // 40 distinct start times, 7 durations, 4 statuses, 2 agents: every page boundary falls inside ties.
  await pool.query(
    `insert into agent_ops.agent_run (thread_id, agent, model, request, status, started_by, started_at, updated_at)
     select 'k' || lpad(i::text, 5, '0'), (array['customer-support','risk-triage'])[1 + i % 2], 'Scripted',
            'Request ' || i, (array['running','interrupted','completed','failed'])[1 + i % 4], 'olga',
            timestamptz '2026-01-01 00:00:00+00' + (i % 40) * interval '1 minute',
            timestamptz '2026-01-01 00:00:00+00' + (i % 40) * interval '1 minute' + (i % 7) * interval '1 second'
       from generate_series(1, $1::int) i`,
    [THREADS],
  );
  // Every third thread has 0-3 failed tool calls and one that succeeded.
  await pool.query(
    `insert into agent_ops.tool_call (thread_id, tool_call_id, agent, tool, args, error, status, started_at, duration_ms)
     select 'k' || lpad(i::text, 5, '0'), 'c' || j, 'customer-support', 'lookup_order', '{}',
            case when j > 0 then 'failed' end, case when j > 0 then 'error' else 'ok' end, now(), 1
       from generate_series(3, $1::int, 3) i, generate_series(0, i % 4) j`,
    [THREADS],
  );
  await refreshAllThreadSummaries(pool);
  await pool.query("analyze agent_ops.thread_summary");
  threads = Array.from({ length: THREADS }, (_, k) => {
    const i = k + 1;
    return {
      id: `k${String(i).padStart(5, "0")}`,
      startedAt: Date.UTC(2026, 0, 1) + (i % 40) * 60_000,
      durationMs: (i % 7) * 1_000,
      toolErrors: i % 3 === 0 ? i % 4 : 0,
      agent: i % 2 ? "risk-triage" : "customer-support",
      status: ["running", "interrupted", "completed", "failed"][i % 4] as string,
    };
  });
}, 120_000);
afterAll(async () => {
  await database.close();
});

const VALUE: Record<string, (t: Thread) => number | string> = {
  started_at: (t) => t.startedAt,
  duration_ms: (t) => t.durationMs,
  tool_errors: (t) => t.toolErrors,
  agent: (t) => t.agent,
  status: (t) => t.status,
};

/** The expected order: by the sort value, then the thread id, both in the list's direction. */
function expected(sort: string, dir: "asc" | "desc", keep: (t: Thread) => boolean = () => true): string[] {
  const value = VALUE[sort] as (t: Thread) => number | string;
  const sign = dir === "asc" ? 1 : -1;
  const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  return threads
    .filter(keep)
    .sort((a, b) => sign * (compare(value(a), value(b)) || compare(a.id, b.id)))
    .map((t) => t.id);
}

/** Every page of a list, following the Next links from the first. */
async function walk(query: Record<string, string>): Promise<{ ids: string[]; pages: RunPage[] }> {
  const pages: RunPage[] = [];
  let after: string | null = null;
  do {
    const page = await listRuns(
      database.pool,
      parseTableParams({ ...query, size: "100", ...(after ? { after } : {}) }, spec),
      KIT_CHECKPOINT_SCHEMAS,
    );
    pages.push(page);
    after = page.next;
  } while (after && pages.length <= THREADS);
  return { ids: pages.flatMap((p) => p.rows.map((r) => r.threadId)), pages };
}

describe("the threads list pages by keyset", () => {
  for (const sort of Object.keys(VALUE)) {
    for (const dir of ["asc", "desc"] as const) {
      it(`shows every thread exactly once, in order across ties, sorted by ${sort} ${dir}`, async () => {
        const { ids } = await walk({ sort, dir });
        expect(ids).toEqual(expected(sort, dir));
      });
    }
  }

  it("walks back from the last page to the first with the Previous links", async () => {
    const { pages } = await walk({});
    const last = pages.at(-1) as RunPage;
    const back: string[][] = [last.rows.map((r) => r.threadId)];
    let before = last.prev;
    while (before) {
      const page = await listRuns(
        database.pool,
        parseTableParams({ size: "100", before }, spec),
        KIT_CHECKPOINT_SCHEMAS,
      );
      back.unshift(page.rows.map((r) => r.threadId));
      before = page.prev;
    }
    expect(back.flat()).toEqual(expected("started_at", "desc"));
    expect(back).toHaveLength(pages.length);
  });

  it("pages a filtered list the same way: agent, status, with and without tool errors", async () => {
    expect((await walk({ agent: "risk-triage" })).ids).toEqual(
      expected("started_at", "desc", (t) => t.agent === "risk-triage"),
    );
    expect((await walk({ status: "failed", sort: "duration_ms", dir: "asc" })).ids).toEqual(
      expected("duration_ms", "asc", (t) => t.status === "failed"),
    );
    expect((await walk({ errors: "with", sort: "tool_errors", dir: "desc" })).ids).toEqual(
      expected("tool_errors", "desc", (t) => t.toolErrors > 0),
    );
    expect((await walk({ errors: "without", agent: "customer-support" })).ids).toEqual(
      expected("started_at", "desc", (t) => t.toolErrors === 0 && t.agent === "customer-support"),
    );
  });

  it("counts exactly up to 1,000 matching threads and says about how many beyond", async () => {
    const all = await walk({});
    expect(all.pages[0]).toMatchObject({ estimated: true });
    expect(all.pages[0]?.total).toBeGreaterThan(1_000);
    const failed = await walk({ status: "failed" });
    expect(failed.pages[0]).toMatchObject({ estimated: false, total: THREADS / 4 });
  });

  it("a cursor of another sort, or one not written by the list, starts again at the first page", async () => {
    const firstOf = async (query: Record<string, string>) =>
      (
        await listRuns(
          database.pool,
          parseTableParams({ size: "100", ...query }, spec),
          KIT_CHECKPOINT_SCHEMAS,
        )
      ).rows.map((r) => r.threadId);
    const byErrors = await walk({ sort: "tool_errors" });
    const errorsCursor = byErrors.pages[0]?.next as string;
    // A tool_errors cursor (an integer) under the newest-first order (a timestamp), or a duration's.
    expect(await firstOf({ after: errorsCursor })).toEqual(expected("started_at", "desc").slice(0, 100));
    expect(await firstOf({ sort: "duration_ms", dir: "desc", before: errorsCursor })).toEqual(
      expected("duration_ms", "desc").slice(0, 100),
    );
    // Made-up tokens: not base64 JSON, a timestamp out of range, an interval that overflows.
    const token = (values: string[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    expect(await firstOf({ sort: "status", dir: "desc", after: "bm90LWEtY3Vyc29y" })).toEqual(
      expected("status", "desc").slice(0, 100),
    );
    expect(await firstOf({ after: token(["99999-01-01 00:00:00+00", "k1"]) })).toEqual(
      expected("started_at", "desc").slice(0, 100),
    );
    expect(
      await firstOf({ sort: "duration_ms", dir: "desc", after: token(["9999999 years", "k1"]) }),
    ).toEqual(expected("duration_ms", "desc").slice(0, 100));
  });
});
