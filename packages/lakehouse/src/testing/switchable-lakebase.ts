// Test support, exported as @appbase/lakehouse/testing: fault injection for Lakebase.
import type { GovernanceClient, GovernanceSql } from "../governance/sql.ts";

/** A Lakebase connection that can be taken down and brought back: every query and connect fails while down. */
export function switchableLakebase(db: GovernanceSql): GovernanceSql & { down: boolean } {
  const refuse = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432 (Lakebase is down)"));
  const sw = {
    down: false,
    query: (sql: string, params?: unknown[]) => (sw.down ? refuse() : db.query(sql, params)),
    connect: async (): Promise<GovernanceClient> => {
      if (sw.down) return refuse();
      const client = await db.connect();
      return {
        query: (sql, params) => (sw.down ? refuse() : client.query(sql, params)),
        release: (e) => client.release(e),
      };
    },
  };
  return sw;
}
