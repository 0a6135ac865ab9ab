import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { TableDeclaration } from "../column-types.ts";
import { declarationFromDrizzle, type FromDrizzleOptions } from "../ddl/from-drizzle.ts";
import { LakehouseError } from "../errors.ts";
import { parseTableName } from "../table-name.ts";

/** Silver carries the id of the event that last wrote each row, so a crash can be resolved from silver alone. */
export const EVENT_ID_COLUMN = "governance_event_id";

export interface GovernedTableOptions {
  /** The silver Delta table, `catalog.schema.table`: the write authority. */
  silver: string;
  /** The bronze Delta table, `catalog.schema.table`: one append-only audit event per write. */
  bronze: string;
  /** The Postgres column that versions each row; the writer sets it (current silver version + 1). */
  versionColumn: string;
  /** Defaults to the drizzle table's primary key. */
  key?: string[];
  /** Passed to declarationFromDrizzle for the silver declaration. */
  ddl?: FromDrizzleOptions;
}

/** A `governed` table: one drizzle declaration, its silver and bronze Delta tables, key and version column. */
export interface GovernedTable {
  /** Schema-qualified, quoted Postgres name, e.g. `"registry"."models"`. */
  lakebaseName: string;
  /** `schema.table` as Postgres names it, used in the outbox and in messages. */
  id: string;
  silver: string;
  bronze: string;
  key: string[];
  versionColumn: string;
  /** Postgres columns the writer sets (every column of the drizzle table). */
  columns: string[];
  silverDeclaration: TableDeclaration;
  bronzeDeclaration: TableDeclaration;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Declares a governed table from its drizzle pg table; checks the key and version column exist. */
export function governedTable(table: PgTable, options: GovernedTableOptions): GovernedTable {
  const config = getTableConfig(table);
  parseTableName(options.silver);
  parseTableName(options.bronze);
  const id = `${config.schema ?? "public"}.${config.name}`;
  const columns = config.columns.map((c) => c.name);
  const declared = declarationFromDrizzle(table, options.ddl);
  const key = options.key ?? declared.primaryKey ?? [];
  if (key.length === 0) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `governed table ${id} has no key: declare a primary key on it or pass options.key.`,
    );
  }
  for (const k of [...key, options.versionColumn]) {
    if (!columns.includes(k)) {
      throw new LakehouseError(
        "INVALID_DECLARATION",
        `governed table ${id}: "${k}" is not one of its columns (${columns.join(", ")}).`,
      );
    }
  }
  if (columns.includes(EVENT_ID_COLUMN)) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `governed table ${id} declares "${EVENT_ID_COLUMN}", which the Governance Writer adds to silver itself; rename that column.`,
    );
  }
  return {
    lakebaseName: `${quote(config.schema ?? "public")}.${quote(config.name)}`,
    id,
    silver: options.silver,
    bronze: options.bronze,
    key,
    versionColumn: options.versionColumn,
    columns,
    silverDeclaration: {
      ...declared,
      columns: [...declared.columns, { name: EVENT_ID_COLUMN, type: "STRING", nullable: false }],
    },
    bronzeDeclaration: BRONZE_DECLARATION,
  };
}

/** Bronze events: who wrote what, when, and which silver commit holds it. */
export const BRONZE_DECLARATION: TableDeclaration = {
  columns: [
    { name: "event_id", type: "STRING", nullable: false },
    { name: "governed_table", type: "STRING", nullable: false },
    { name: "row_key", type: "STRING", nullable: false },
    { name: "version", type: "BIGINT", nullable: false },
    { name: "actor", type: "STRING", nullable: false },
    { name: "payload", type: "STRING", nullable: false },
    { name: "silver_version", type: "BIGINT", nullable: false },
    { name: "occurred_at", type: "TIMESTAMP", nullable: false },
  ],
  primaryKey: ["event_id"],
};
