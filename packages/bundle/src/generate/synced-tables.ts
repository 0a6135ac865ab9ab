import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { SyncedTableDeclaration } from "./kit-bundle.ts";

interface SyncedTablesOptions {
  /** Keep the tables landing in this Postgres schema. */
  schema: string;
  /** Source schema inside the bundle's catalog, when it differs from the declaration's. */
  sourceSchema?: string;
  schedulingPolicy?: SyncedTableDeclaration["schedulingPolicy"];
}

/**
 * The synced tables of one Postgres schema for a kit's bundle. Pass `servedSyncedTables` from
 * `@appbase/datasets`: the same declarations the local Synced Tables engine runs, so a bundle and
 * `appbase up` never disagree. A record of drizzle tables (`schema.table` → table) is still accepted
 * and derived the same way (key from the declaration, source = the gold table of the same name).
 */
export function syncedTablesFromServed(
  tables: readonly SyncedTableDeclaration[] | Readonly<Record<string, PgTable>>,
  options: SyncedTablesOptions,
): SyncedTableDeclaration[] {
  const declarations = Array.isArray(tables)
    ? (tables as readonly SyncedTableDeclaration[])
    : fromDrizzle(tables as Readonly<Record<string, PgTable>>);
  return declarations
    .filter((d) => d.schema === options.schema)
    .map((d) => ({
      ...d,
      source: options.sourceSchema ? `${options.sourceSchema}.${d.table}` : d.source,
      schedulingPolicy: options.schedulingPolicy ?? d.schedulingPolicy,
    }));
}

function fromDrizzle(tables: Readonly<Record<string, PgTable>>): SyncedTableDeclaration[] {
  return Object.entries(tables).map(([qualified, table]) => {
    const config = getTableConfig(table);
    const single = config.columns.filter((column) => column.primary).map((column) => column.name);
    const composite = config.primaryKeys[0]?.columns.map((column) => column.name) ?? [];
    const primaryKey = single.length > 0 ? single : composite;
    if (primaryKey.length === 0) {
      throw new Error(
        `${qualified} has no primary key: Synced Tables need one; declare it on the drizzle table`,
      );
    }
    const schema = config.schema ?? qualified.split(".")[0] ?? "public";
    return {
      schema,
      table: config.name,
      source: `${schema}.${config.name}`,
      primaryKey,
      schedulingPolicy: "TRIGGERED" as const,
    };
  });
}
