import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import type { Lakehouse } from "@appbase/lakehouse";
import { type GovernanceSql, GovernanceWriter, governanceMigrations } from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { switchableLakebase } from "@appbase/lakehouse/testing";
import { governedTables } from "../db/governed.ts";
import { agentOpsMigrations } from "../db/migrations.ts";

export interface RegistryHarness {
  db: TestDatabase;
  lakehouse: Lakehouse;
  directory: string;
  lakebase: ReturnType<typeof switchableLakebase>;
  writer: GovernanceWriter;
  bronzeEvents(): Promise<{ governed_table: string; row_key: string; version: number; actor: string }[]>;
  close(): Promise<void>;
}

/**
 * Real engines for registry tests: the kit's migrations plus the governance outbox on PGlite (or
 * DATABASE_URL's server), and a local DuckDB lakehouse in a temp folder with the silver/bronze tables.
 */
export async function openRegistryHarness(): Promise<RegistryHarness> {
  const db = await createTestDatabase({ migrations: [agentOpsMigrations, governanceMigrations] });
  const directory = mkdtempSync(path.join(tmpdir(), "agent-ops-registry-"));
  const lakehouse = await openLocalLakehouse({ directory });
  const lakebase = switchableLakebase(db.pool as unknown as GovernanceSql);
  const writer = new GovernanceWriter({
    lakehouse,
    lakebase,
    outbox: db.pool as unknown as GovernanceSql,
    tables: governedTables,
    backoff: { baseMs: 1 },
  });
  await writer.ensureLakehouseTables();
  return {
    db,
    lakehouse,
    directory,
    lakebase,
    writer,
    async bronzeEvents() {
      // Bronze follows silver shortly after a write; what the writer holds is appended first.
      await writer.flushBronze();
      const rows = await lakehouse.read("appbase.agent_ops.registry_events", { orderBy: ["occurred_at"] });
      return rows.map((r) => ({
        governed_table: String(r.governed_table),
        row_key: String(r.row_key),
        version: Number(r.version),
        actor: String(r.actor),
      }));
    },
    async close() {
      await lakehouse.close();
      await db.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
