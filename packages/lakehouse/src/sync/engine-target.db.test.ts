import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { syncStatusDdl } from "@appbase/db/synced-status";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lakehouse } from "../lakehouse.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import { openTestPostgres } from "../testing/test-postgres.ts";
import { SyncedTablesEngine } from "./engine.ts";
import { poolSyncPostgres } from "./sync-postgres.ts";

const SOURCE = "appbase.agents.tools";

let db: Awaited<ReturnType<typeof openTestPostgres>>;
let dir: string;
let lake: Lakehouse;

beforeAll(async () => {
  db = await openTestPostgres();
  dir = mkdtempSync(path.join(tmpdir(), "lakehouse-sync-target-"));
  lake = await openLocalLakehouse({ directory: dir });
  await lake.ensureSchema("appbase.agents");
  // Delta has no JSON type: gold keeps JSON as STRING, the served table (from migrations) as jsonb.
  await lake.createTable(SOURCE, {
    columns: [
      { name: "tool_id", type: "STRING", nullable: false },
      { name: "kind", type: "STRING" },
      { name: "args_schema", type: "STRING" },
    ],
    primaryKey: ["tool_id"],
  });
  await db.pool.query("CREATE SCHEMA agents");
  await db.pool.query(
    "CREATE TABLE agents.tools (tool_id text PRIMARY KEY, kind text NOT NULL, args_schema jsonb NOT NULL)",
  );
  await db.pool.query("CREATE INDEX tools_kind_idx ON agents.tools (kind)");
});
afterAll(async () => {
  await lake.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An engine over one table `agents.<table>` synced from `agents.<table>` in the `appbase` catalog. */
const engineOf = (table: string, primaryKey: string, schedulingPolicy: "SNAPSHOT" | "TRIGGERED") =>
  new SyncedTablesEngine({
    lakehouse: lake,
    postgres: poolSyncPostgres(db.pool),
    sourceCatalog: "appbase",
    tables: [
      { schema: "agents", table, source: `agents.${table}`, primaryKey: [primaryKey], schedulingPolicy },
    ],
  });
const engine = () => engineOf("tools", "tool_id", "TRIGGERED");

const indexes = async () =>
  (
    await db.pool.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'agents' AND tablename = 'tools' ORDER BY 1",
    )
  ).rows.map((r) => r.indexname);

describe("syncing into a table the migrations created", () => {
  it("casts to the target's types (STRING JSON → jsonb) and keeps its indexes through snapshot and incremental runs", async () => {
    await lake.append(SOURCE, [
      { tool_id: "t1", kind: "search", args_schema: JSON.stringify({ type: "object", required: ["q"] }) },
      { tool_id: "t2", kind: "sql", args_schema: JSON.stringify({ type: "object" }) },
    ]);
    const before = await indexes();
    const first = await engine().run("agents.tools");
    expect(first.mode).toBe("snapshot");
    const { rows } = await db.pool.query(
      "SELECT tool_id, args_schema->'required'->>0 AS first_required, jsonb_typeof(args_schema) AS t FROM agents.tools ORDER BY 1",
    );
    expect(rows).toEqual([
      { tool_id: "t1", first_required: "q", t: "object" },
      { tool_id: "t2", first_required: null, t: "object" },
    ]);
    expect(await indexes()).toEqual(before);
    expect(before).toContain("tools_kind_idx");

    await lake.merge(SOURCE, [
      { tool_id: "t2", kind: "sql", args_schema: JSON.stringify({ type: "array" }) },
    ]);
    const second = await engine().run("agents.tools");
    expect(second).toMatchObject({ mode: "incremental", rowsWritten: 1 });
    const t2 = await db.pool.query("SELECT args_schema->>'type' AS t FROM agents.tools WHERE tool_id = 't2'");
    expect(t2.rows[0]).toEqual({ t: "array" });
    expect(await indexes()).toEqual(before);
  });

  it("records status in appbase_meta.synced_table_status, the one table kits read for freshness", async () => {
    const { rows } = await db.pool.query(
      "SELECT target_table, source_table, detailed_state, scheduling_policy, last_processed_commit_version::int AS v FROM appbase_meta.synced_table_status",
    );
    const described = await lake.describeTable(SOURCE);
    expect(rows).toEqual([
      {
        target_table: "agents.tools",
        source_table: SOURCE,
        detailed_state: "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE",
        scheduling_policy: "TRIGGERED",
        v: described?.version,
      },
    ]);
  });

  it("mode snapshot forces a full copy; mode incremental refuses a table never synced, naming the fix", async () => {
    const forced = await engine().run("agents.tools", { mode: "snapshot" });
    expect(forced).toMatchObject({ mode: "snapshot", rowsWritten: 2 });
    await db.pool.query("DELETE FROM appbase_meta.synced_table_status");
    await expect(engine().run("agents.tools", { mode: "incremental" })).rejects.toThrow(
      /never synced.*--mode snapshot/,
    );
  });

  it("upgrades a status table created by an older loader (five columns) instead of failing", async () => {
    await db.pool.query("DROP TABLE appbase_meta.synced_table_status");
    await db.pool.query(`CREATE TABLE appbase_meta.synced_table_status (
      target_table text PRIMARY KEY, source_table text, detailed_state text,
      last_sync_time timestamptz, last_processed_commit_version bigint)`);
    await db.pool.query(
      "INSERT INTO appbase_meta.synced_table_status VALUES ('agents.tools', 'main.agents.tools', 'ONLINE_NO_PENDING_UPDATE', now(), 0)",
    );
    const result = await engine().run("agents.tools");
    expect(result.status.detailed_state).toBe("SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE");
    for (const statement of syncStatusDdl("appbase_meta")) await db.pool.query(statement); // idempotent
    const [status] = await engine().status("agents.tools");
    expect(status?.scheduling_policy).toBe("TRIGGERED");
  });
});

describe("a snapshot loads without the target's indexes and rebuilds them before COMMIT", () => {
  const LABELS = "appbase.agents.labels";
  const labels = () => engineOf("labels", "label_id", "SNAPSHOT");
  const shape = async () => ({
    indexes: (
      await db.pool.query(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'agents' AND tablename = 'labels' ORDER BY 1",
      )
    ).rows,
    constraints: (
      await db.pool.query(
        "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'agents.labels'::regclass ORDER BY 1",
      )
    ).rows,
  });
  const content = async () =>
    (await db.pool.query("SELECT label_id, name, rank FROM agents.labels ORDER BY 1")).rows;

  beforeAll(async () => {
    await lake.createTable(LABELS, {
      columns: [
        { name: "label_id", type: "STRING", nullable: false },
        { name: "name", type: "STRING" },
        { name: "rank", type: "INT" },
      ],
      primaryKey: ["label_id"],
    });
    await db.pool.query(
      "CREATE TABLE agents.labels (label_id text PRIMARY KEY, name text NOT NULL, rank int)",
    );
    await db.pool.query("ALTER TABLE agents.labels ADD CONSTRAINT labels_rank_key UNIQUE (rank)");
    await db.pool.query(
      "CREATE UNIQUE INDEX labels_lower_name_idx ON agents.labels (lower(name)) WHERE rank IS NOT NULL",
    );
    await db.pool.query("CREATE INDEX labels_rank_name_idx ON agents.labels (rank DESC, name)");
  });

  it("keeps every index and key constraint under its own name and definition", async () => {
    await lake.append(LABELS, [
      { label_id: "a", name: "Alpha", rank: 1 },
      { label_id: "b", name: "Beta", rank: 2 },
      { label_id: "c", name: "alpha", rank: null },
    ]);
    const before = await shape();
    expect(before.indexes).toHaveLength(4);
    expect(await labels().run("agents.labels")).toMatchObject({ mode: "snapshot", rowsWritten: 3 });
    expect(await shape()).toEqual(before);
  });

  it("rolls the whole snapshot back when a rebuilt unique index finds a duplicate: old rows, indexes and all", async () => {
    const before = await shape();
    const rows = await content();
    await lake.append(LABELS, [{ label_id: "d", name: "BETA", rank: 4 }]);
    await expect(labels().run("agents.labels")).rejects.toThrow(/labels_lower_name_idx|duplicate key/);
    expect(await content()).toEqual(rows);
    expect(await shape()).toEqual(before);
    const [status] = await labels().status("agents.labels");
    expect(status?.detailed_state).toBe("SYNCED_TABLE_ONLINE_PIPELINE_FAILED");
  });
});
