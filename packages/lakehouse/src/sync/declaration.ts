import { z } from "zod";
import { LakehouseError } from "../errors.ts";
import { parseTableName } from "../table-name.ts";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One synced table: a Delta source copied into the Postgres table `schema.table`. The same shape
 * the bundle generator renders into `postgres_synced_tables` resources; `source` is either
 * `catalog.schema.table` or `schema.table` inside the engine's source catalog.
 */
export const syncedTableDeclarationSchema = z.object({
  schema: z.string().regex(NAME, "Postgres schema names allow [A-Za-z0-9_] only"),
  table: z.string().regex(NAME, "Postgres table names allow [A-Za-z0-9_] only"),
  source: z.string().min(1),
  primaryKey: z.array(z.string().regex(NAME)).min(1, "synced tables need a primary key"),
  schedulingPolicy: z.enum(["SNAPSHOT", "TRIGGERED", "CONTINUOUS"]),
  timeseriesKey: z.string().regex(NAME).optional(),
});
export type SyncedTableDeclaration = z.input<typeof syncedTableDeclarationSchema>;
export type SchedulingPolicy = SyncedTableDeclaration["schedulingPolicy"];

/** A declaration with its names resolved. */
export interface ResolvedSyncedTable {
  /** `schema.table` in Postgres; the engine's name for the synced table. */
  name: string;
  schema: string;
  table: string;
  source: string;
  primaryKey: string[];
  schedulingPolicy: SchedulingPolicy;
  timeseriesKey?: string;
}

/** Validates a declaration and resolves its source name; throws naming the field to fix. */
export function resolveSyncedTable(declaration: unknown, sourceCatalog: string): ResolvedSyncedTable {
  const parsed = syncedTableDeclarationSchema.safeParse(declaration);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `Synced table declaration is invalid at ${issue?.path.join(".") || "(root)"}: ${issue?.message}.`,
    );
  }
  const d = parsed.data;
  const parts = d.source.split(".").length;
  if (parts !== 2 && parts !== 3) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `Synced table ${d.schema}.${d.table}: source "${d.source}" must be catalog.schema.table or schema.table.`,
    );
  }
  const source = parseTableName(parts === 3 ? d.source : `${sourceCatalog}.${d.source}`).full;
  return {
    name: `${d.schema}.${d.table}`,
    schema: d.schema,
    table: d.table,
    source,
    primaryKey: d.primaryKey,
    schedulingPolicy: d.schedulingPolicy,
    ...(d.timeseriesKey ? { timeseriesKey: d.timeseriesKey } : {}),
  };
}
