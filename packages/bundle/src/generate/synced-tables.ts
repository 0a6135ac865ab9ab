import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { SyncedTableDeclaration } from "./kit-bundle.ts";

/**
 * Synced table declarations from the drizzle declarations of served tables (`schema.table` → table),
 * keeping those in `schema`. The primary key comes from the declaration, since Synced Tables need one.
 */
export function syncedTablesFromServed(
  tables: Readonly<Record<string, PgTable>>,
  options: {
    schema: string;
    sourceSchema?: string;
    schedulingPolicy?: SyncedTableDeclaration["schedulingPolicy"];
  },
): SyncedTableDeclaration[] {
  return Object.entries(tables)
    .filter(([qualified]) => qualified.startsWith(`${options.schema}.`))
    .map(([qualified, table]) => {
      const config = getTableConfig(table);
      const single = config.columns.filter((column) => column.primary).map((column) => column.name);
      const composite = config.primaryKeys[0]?.columns.map((column) => column.name) ?? [];
      const primaryKey = single.length > 0 ? single : composite;
      if (primaryKey.length === 0) {
        throw new Error(
          `${qualified} has no primary key: Synced Tables need one; declare it on the drizzle table`,
        );
      }
      return {
        schema: options.schema,
        table: config.name,
        source: `${options.sourceSchema ?? options.schema}.${config.name}`,
        primaryKey,
        schedulingPolicy: options.schedulingPolicy ?? "TRIGGERED",
      };
    });
}
