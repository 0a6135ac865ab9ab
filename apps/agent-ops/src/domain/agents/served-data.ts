import type { Queryable } from "@appbase/db";

/**
 * Runs a read on the served tables (schemas customer, risk, operations). When the table is not there
 * the served data has not been loaded; say how to load it instead of passing on "relation does not exist".
 */
export async function readServed<R extends Record<string, unknown>>(
  db: Queryable,
  table: string,
  sql: string,
  values: unknown[],
): Promise<R[]> {
  try {
    return (await db.query<R>(sql, values)).rows;
  } catch (failure) {
    if ((failure as { code?: string }).code === "42P01") {
      throw new Error(
        `The served table ${table} does not exist in this database; run \`appbase up\` (it loads the served tables) or sync it to the kit's Lakebase.`,
      );
    }
    throw failure;
  }
}
