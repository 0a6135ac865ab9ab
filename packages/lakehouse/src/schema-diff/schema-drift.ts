import type { PgTable } from "drizzle-orm/pg-core";
import { declarationFromDrizzle, type FromDrizzleOptions } from "../ddl/from-drizzle.ts";
import type { Lakehouse } from "../lakehouse.ts";
import { diffLakehouseTable } from "../schema-diff.ts";
import { type CatalogReader, readPostgresShapes } from "./postgres-catalog.ts";
import { diffPostgresShape } from "./postgres-diff.ts";
import { declaredPostgresShape } from "./postgres-shape.ts";
import type { SchemaDifference } from "./table-diff.ts";

/** One declared table to check, and where its lakehouse side lives (if it has one). */
export interface DriftTarget {
  table: PgTable;
  /** `catalog.schema.table` of its Delta table (gold for synced tables, silver for governed ones). */
  lakehouse?: string;
  /** How the Delta declaration is derived from the drizzle table (overrides, omitted columns). */
  ddl?: FromDrizzleOptions;
}

/** A difference and the surface it was found on. */
export interface DriftItem {
  surface: "postgres" | "lakehouse";
  difference: SchemaDifference;
}

export interface DriftReport {
  /** How many tables were compared on each surface. */
  checked: { postgres: number; lakehouse: number };
  items: DriftItem[];
}

/**
 * Compares each declaration with the live Postgres catalog and the lakehouse tables. A surface
 * that is not passed is not checked (and not counted).
 */
export async function checkSchemaDrift(
  targets: readonly DriftTarget[],
  surfaces: { postgres?: CatalogReader; lakehouse?: Lakehouse },
): Promise<DriftReport> {
  const report: DriftReport = { checked: { postgres: 0, lakehouse: 0 }, items: [] };
  if (surfaces.postgres) {
    const declared = targets.map((t) => declaredPostgresShape(t.table));
    const live = await readPostgresShapes(
      surfaces.postgres,
      declared.map((d) => d.name),
    );
    for (const d of declared) {
      for (const difference of diffPostgresShape(d, live.get(d.name))) {
        report.items.push({ surface: "postgres", difference });
      }
    }
    report.checked.postgres = declared.length;
  }
  if (surfaces.lakehouse) {
    for (const t of targets) {
      if (!t.lakehouse) continue;
      const declaration = declarationFromDrizzle(t.table, t.ddl);
      const live = await surfaces.lakehouse.describeTable(t.lakehouse);
      for (const difference of diffLakehouseTable(t.lakehouse, declaration, live)) {
        report.items.push({ surface: "lakehouse", difference });
      }
      report.checked.lakehouse += 1;
    }
  }
  return report;
}

/** One line per difference, saying which surface has what. */
export function formatDriftItem({ surface, difference: d }: DriftItem): string {
  const where = surface === "postgres" ? "Postgres" : "the lakehouse";
  switch (d.kind) {
    case "missing-table":
      return `${d.table}: declared, but ${where} has no such table`;
    case "missing-column":
      return `${d.table}.${d.column}: declared ${d.declared}, missing in ${where}`;
    case "extra-column":
      return `${d.table}.${d.column}: in ${where} (${d.live}), not declared`;
    case "type":
      return `${d.table}.${d.column}: type declared ${d.declared}, ${where} has ${d.live}`;
    case "nullability":
      return `${d.table}.${d.column}: declared ${d.declared}, ${where} has ${d.live}`;
    case "primary-key":
      return `${d.table}: primary key declared ${d.declared}, ${where} has ${d.live}`;
  }
}

/** The whole report as text: a summary line, then differences grouped by surface. */
export function formatDriftReport(report: DriftReport): string {
  const { postgres, lakehouse } = report.checked;
  const head = `Checked ${postgres} table(s) in Postgres and ${lakehouse} in the lakehouse: `;
  if (report.items.length === 0) return `${head}no drift.`;
  const lines = [`${head}${report.items.length} difference(s).`];
  for (const surface of ["postgres", "lakehouse"] as const) {
    const items = report.items.filter((i) => i.surface === surface);
    if (items.length === 0) continue;
    lines.push("", surface === "postgres" ? "Postgres (live catalog):" : "Lakehouse:");
    for (const item of items) lines.push(`  - ${formatDriftItem(item)}`);
  }
  return lines.join("\n");
}
