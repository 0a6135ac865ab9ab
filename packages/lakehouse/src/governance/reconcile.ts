import type { Row } from "../values.ts";
import { type GovernanceContext, keyId } from "./context.ts";
import type { GovernedTable } from "./governed-table.ts";
import { upsertNow } from "./lakebase-sink.ts";

/** What reconcile changed in Lakebase for one table, by key. */
export interface ReconcileReport {
  table: string;
  silverRows: number;
  inserted: string[];
  updated: string[];
  deleted: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Repairs Lakebase from silver: rows missing or at another version are rewritten from silver,
 * rows silver does not hold are deleted. Rows are compared by key and version (every governed
 * write bumps the version). Insert, update and delete commit together.
 */
export async function reconcileTable(ctx: GovernanceContext, table: GovernedTable): Promise<ReconcileReport> {
  const silver = await ctx.lakehouse.read(table.silver, { orderBy: table.key });
  const v = quote(table.versionColumn);
  const { rows: live } = await ctx.lakebase.query(
    `SELECT json_build_object(${table.key.map((k) => `'${k.replaceAll("'", "''")}', ${quote(k)}`).join(", ")}) AS key, ${v}::bigint::text AS version FROM ${table.lakebaseName}`,
  );
  const liveVersions = new Map(
    live.map((r) => [keyId(table, r.key as Record<string, unknown>), Number(r.version)] as const),
  );
  const report: ReconcileReport = {
    table: table.id,
    silverRows: silver.length,
    inserted: [],
    updated: [],
    deleted: [],
  };
  const rewrite: Row[] = [];
  for (const row of silver) {
    const id = keyId(table, row);
    const version = liveVersions.get(id);
    liveVersions.delete(id);
    if (version === undefined) report.inserted.push(id);
    else if (version !== Number(row[table.versionColumn])) report.updated.push(id);
    else continue;
    rewrite.push(row);
  }
  report.deleted = [...liveVersions.keys()];
  const client = await ctx.lakebase.connect();
  try {
    await client.query("BEGIN");
    for (const id of report.deleted) {
      const key = JSON.parse(id) as unknown[];
      await client.query(
        `DELETE FROM ${table.lakebaseName} WHERE ${table.key.map((k, i) => `${quote(k)}::text = $${i + 1}::text`).join(" AND ")}`,
        key.map((k) => String(k)),
      );
    }
    await upsertNow(client, table, rewrite, { guarded: false });
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return report;
}
