import { parseTableParams } from "@appbase/ui/data-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumePlainProgram, runPlainProgram } from "../../testing/plain-langgraph-program.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { decideAndResume } from "../queue/decide-and-resume.ts";
import { claimItem, listReviewItems } from "../queue/queue.ts";
import { CHECKPOINT_SCHEMA, checkpointerFor, checkpointReaderFor } from "../runs/checkpointer.ts";
import { getRun, listRunAgents, listRuns, threadTableSpec } from "../runs/list-runs.ts";
import { readTimeline } from "../timeline/timeline.ts";
import { recentToolFailures } from "../tool-calls/tool-failures.ts";
import { toolCallStats } from "../tool-calls/tool-stats.ts";
import { queueForeignInterrupts } from "./checkpoint-interrupts.ts";
import { checkpointSchemaList } from "./checkpoint-schemas.ts";
import { presentCheckpointSchemas } from "./checkpoint-threads.ts";

// A plain LangGraph program (official PostgresSaver, no kit records) writes into its own schema; the kit
// is pointed at it with AGENT_CHECKPOINT_SCHEMAS and must see everything from the checkpoints alone.
const FOREIGN = "trip_ckpt";
let database: TestDatabase;
let schemas: string[];
const params = (query: Record<string, string>) => parseTableParams(query, threadTableSpec([]));

beforeAll(async () => {
  database = await createTestDatabase();
  await checkpointerFor(database.pool);
  await runPlainProgram(database.pool, { schema: FOREIGN, threadId: "trip-lyon", city: "Lyon" });
  await runPlainProgram(database.pool, { schema: FOREIGN, threadId: "trip-oslo", city: "Oslo" });
  await resumePlainProgram(database.pool, {
    schema: FOREIGN,
    threadId: "trip-oslo",
    city: "Oslo",
    approved: true,
  });
  schemas = await presentCheckpointSchemas(
    database.pool,
    checkpointSchemaList.parse(`${FOREIGN}, not_set_up`),
  );
}, 120_000);
afterAll(() => database.close());

describe("threads of another program", () => {
  it("binds the kit's schema first and skips a named schema without checkpoint tables", () => {
    expect(schemas).toEqual([CHECKPOINT_SCHEMA, FOREIGN]);
    expect(checkpointSchemaList.safeParse("public; drop table x").success).toBe(false);
  });

  it("are listed with a summary from their checkpoints: request, status, last step, tool calls and errors", async () => {
    const page = await listRuns(database.pool, params({}), schemas);
    expect(page.total).toBe(2);
    const lyon = page.rows.find((r) => r.threadId === "trip-lyon");
    expect(lyon).toMatchObject({
      checkpointSchema: FOREIGN,
      kitRun: false,
      agent: null,
      model: null,
      request: "Plan a day trip to Lyon",
      status: "interrupted",
      toolCalls: 2,
      toolErrors: 1,
      lastStep: { step: 3, nodes: ["agent"] },
    });
    expect(lyon?.durationMs).toBeGreaterThan(0);
    expect(await getRun(database.pool, "trip-oslo", schemas)).toMatchObject({
      status: "completed",
      request: "Plan a day trip to Oslo",
    });
    expect(await listRunAgents(database.pool, schemas)).toEqual([]);
  });

  it("are found by search and filters", async () => {
    const ids = async (q: Record<string, string>) =>
      (await listRuns(database.pool, params(q), schemas)).rows.map((r) => r.threadId);
    expect(await ids({ q: "Lyon" })).toEqual(["trip-lyon"]);
    expect(await ids({ q: "trip-os" })).toEqual(["trip-oslo"]);
    expect(await ids({ status: "interrupted" })).toEqual(["trip-lyon"]);
    expect((await ids({ errors: "with" })).sort()).toEqual(["trip-lyon", "trip-oslo"]);
    // Without the binding the kit sees none of them.
    expect((await listRuns(database.pool, params({}), [CHECKPOINT_SCHEMA])).total).toBe(0);
  });

  it("count in the tool statistics and failures, with latency from the checkpoint times", async () => {
    const stats = await toolCallStats(database.pool, null, schemas);
    expect(stats.map((s) => [s.tool, s.calls, s.errors, s.agents])).toEqual([
      ["get_air_quality", 2, 2, ["unnamed graph"]],
      ["get_weather", 2, 0, ["unnamed graph"]],
    ]);
    expect(stats[0]?.maxMs).toBeGreaterThanOrEqual(0);
    const failures = await recentToolFailures(database.pool, { since: null }, schemas);
    expect(failures.total).toBe(2);
    expect(failures.rows[0]).toMatchObject({
      tool: "get_air_quality",
      args: { city: expect.any(String) },
      error: expect.stringContaining("air quality service unavailable"),
    });
  });

  it("show a step whose message has only tool calls as what it asked for", async () => {
    const timeline = await readTimeline(await checkpointReaderFor(database.pool, FOREIGN), "trip-lyon");
    const asked = timeline.entries.find((e) => e.kind === "message" && e.role === "ai");
    expect(asked).toMatchObject({ text: "", requested: ["get_weather", "get_air_quality"] });
    expect(timeline.awaitingResume).toBe(true);
  });

  it("survive a value the saver stored that is not valid JSON for Postgres", async () => {
    await database.pool.query(
      `insert into ${FOREIGN}.checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob)
       select thread_id, '', checkpoint_id, 'hostile', 0, 'messages', 'json', convert_to('[{"a": "\\u0000"}', 'UTF8')
         from ${FOREIGN}.checkpoints where thread_id = 'trip-oslo' limit 1`,
    );
    expect((await listRuns(database.pool, params({}), schemas)).total).toBe(2);
    expect((await toolCallStats(database.pool, null, schemas)).length).toBe(2);
  });
});

describe("an interrupt of another program", () => {
  it("is queued once; a decision is stored for the program, which resumes its own thread", async () => {
    expect(await queueForeignInterrupts(database.pool, schemas)).toBe(1);
    expect(await queueForeignInterrupts(database.pool, schemas)).toBe(1);
    const items = await listReviewItems(database.pool, { viewer: "rita@example.com", seeAll: true });
    expect(items.map((i) => [i.threadId, i.source, i.title])).toEqual([
      ["trip-lyon", "interrupt", "Interrupt: Book the trip to Lyon?"],
    ]);
    const claimed = await claimItem(database.pool, {
      itemId: items[0]?.id ?? "",
      reviewer: "rita@example.com",
    });
    const result = await decideAndResume(database.pool, {
      itemId: claimed.id,
      reviewer: "rita@example.com",
      expectedVersion: claimed.version,
      decision: "approve",
      rationale: "Weather is fine",
      mayOverride: false,
    });
    // The kit does not know this graph: nothing ran, the thread still waits for its own program.
    expect(result.run).toBeNull();
    expect((await getRun(database.pool, "trip-lyon", schemas))?.status).toBe("interrupted");

    // The documented table the program reads its decision from.
    const { rows } = await database.pool.query(
      "select thread_id, interrupt_id, decided_by, resume from agent_ops.interrupt_decision",
    );
    expect(rows).toEqual([
      {
        thread_id: "trip-lyon",
        interrupt_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        decided_by: "rita@example.com",
        resume: { decision: "approve", rationale: "Weather is fine" },
      },
    ]);
    await resumePlainProgram(database.pool, {
      schema: FOREIGN,
      threadId: "trip-lyon",
      city: "Lyon",
      approved: rows[0].resume.decision === "approve",
    });
    expect((await getRun(database.pool, "trip-lyon", schemas))?.status).toBe("completed");
    expect(await queueForeignInterrupts(database.pool, schemas)).toBe(0);
  });
});
