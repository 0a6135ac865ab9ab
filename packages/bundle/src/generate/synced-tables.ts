import { syncedTablesOf } from "@appbase/datasets/tables";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { SyncedTableDeclaration } from "./kit-bundle.ts";

/**
 * The synced tables of a kit's bundle from the served tables its kit.ts reads (`servedTables`): the
 * same declarations (@appbase/datasets `syncedTablesOf`) the local Synced Tables engine runs, so a
 * bundle and `appbase up` never disagree.
 */
export function kitSyncedTables(tables: readonly PgTable[]): SyncedTableDeclaration[] {
  const byName = Object.fromEntries(
    tables.map((table) => {
      const config = getTableConfig(table);
      return [`${config.schema ?? "public"}.${config.name}`, table];
    }),
  );
  return syncedTablesOf(byName);
}
