import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";

/**
 * A synced table as the local Synced Tables engine (`@appbase/lakehouse/sync`) and the bundle
 * generator (`postgres_synced_tables`) both read it: Postgres `schema.table`, its gold source as
 * `schema.table` inside the source catalog (`appbase` locally, the bundle's catalog variable on
 * Databricks), the primary key, and the scheduling policy. Structural, so this package does not
 * depend on the lakehouse package.
 */
export interface ServedSyncedTable {
  schema: string;
  table: string;
  source: string;
  primaryKey: string[];
  schedulingPolicy: "SNAPSHOT" | "TRIGGERED" | "CONTINUOUS";
  timeseriesKey?: string;
}

/** The key a synced table needs, from the drizzle declaration (column-level or composite). */
function primaryKeyOf(qualified: string, table: PgTable): string[] {
  const config = getTableConfig(table);
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  const key = single.length > 0 ? single : composite;
  if (key.length === 0) {
    throw new Error(
      `${qualified} has no primary key: Synced Tables need one; declare it on the drizzle table (primaryKey() or .primaryKey()).`,
    );
  }
  return key;
}

/**
 * Synced table declarations for served tables (`schema.table` → drizzle table), each sourced from
 * the gold table of the same `schema.table`. TRIGGERED by default, as the platform recommends for
 * gold tables with the change data feed.
 */
export function syncedTablesOf(
  tables: Readonly<Record<string, PgTable>>,
  schedulingPolicy: ServedSyncedTable["schedulingPolicy"] = "TRIGGERED",
): ServedSyncedTable[] {
  return Object.entries(tables).map(([qualified, table]) => {
    const config = getTableConfig(table);
    const schema = config.schema ?? "public";
    return {
      schema,
      table: config.name,
      source: `${schema}.${config.name}`,
      primaryKey: primaryKeyOf(qualified, table),
      schedulingPolicy,
    };
  });
}
