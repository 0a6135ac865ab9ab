import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { integer, pgSchema, text } from "drizzle-orm/pg-core";
import type { GovernanceFaults } from "../governance/context.ts";
import { type GovernedTable, governedTable } from "../governance/governed-table.ts";
import { governanceMigrations } from "../governance/migrations.ts";
import type { GovernanceSql } from "../governance/sql.ts";
import { GovernanceWriter } from "../governance/writer.ts";
import type { Lakehouse } from "../lakehouse.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import { switchableLakebase } from "./switchable-lakebase.ts";

/** Test support: a governed model registry, as an app would declare it. */
export const models = pgSchema("registry").table("models", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  risk: integer("risk").notNull(),
  version: integer("version").notNull(),
});

export const MODELS_DDL = `CREATE SCHEMA IF NOT EXISTS registry;
  CREATE TABLE registry.models (id text PRIMARY KEY, name text NOT NULL, risk integer NOT NULL, version integer NOT NULL)`;

export interface GovernanceHarness {
  db: TestDatabase;
  lake: Lakehouse;
  table: GovernedTable;
  lakebase: ReturnType<typeof switchableLakebase>;
  /** Bronze is appended behind silver after `bronzeDelayMs` (default: not before the test flushes it). */
  writer(faults?: GovernanceFaults, backoffMs?: number, bronzeDelayMs?: number): GovernanceWriter;
  lakebaseRows(): Promise<{ id: string; name: string; risk: number; version: number }[]>;
  silverRows(): Promise<{ id: string; name: string; risk: number; version: number }[]>;
  bronzeEventIds(): Promise<string[]>;
  close(): Promise<void>;
}

/** A real Postgres (PGlite, or DATABASE_URL's server) with the outbox migrated, and a fresh local lakehouse. */
export async function openGovernanceHarness(): Promise<GovernanceHarness> {
  const db = await createTestDatabase({ migrations: [governanceMigrations] });
  await db.pool.query(MODELS_DDL);
  const dir = mkdtempSync(path.join(tmpdir(), "governance-"));
  const lake = await openLocalLakehouse({ directory: dir });
  const table = governedTable(models, {
    silver: "main.registry_silver.models",
    bronze: "main.registry_bronze.model_events",
    versionColumn: "version",
  });
  const lakebase = switchableLakebase(db.pool as unknown as GovernanceSql);
  const writer = (faults?: GovernanceFaults, backoffMs = 1000, bronzeDelayMs = 600_000) =>
    new GovernanceWriter({
      lakehouse: lake,
      lakebase,
      outbox: db.pool as unknown as GovernanceSql,
      tables: [table],
      faults,
      backoff: { baseMs: backoffMs },
      bronzeBehind: { delayMs: bronzeDelayMs },
    });
  await writer().ensureLakehouseTables();
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const pick = (r: Record<string, unknown>) => ({
    id: String(r.id),
    name: String(r.name),
    risk: Number(r.risk),
    version: Number(r.version),
  });
  return {
    db,
    lake,
    table,
    lakebase,
    writer,
    lakebaseRows: async () =>
      (await db.pool.query("SELECT id, name, risk, version FROM registry.models ")).rows.map(pick).sort(byId),
    silverRows: async () => (await lake.read(table.silver)).map(pick).sort(byId),
    bronzeEventIds: async () =>
      (await lake.read(table.bronze, { columns: ["event_id"] })).map((r) => String(r.event_id)),
    close: async () => {
      await lake.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
