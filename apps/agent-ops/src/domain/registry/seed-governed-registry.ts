import type { GovernanceSql } from "@appbase/lakehouse/governance";
import { GovernanceWriter } from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { governedTables } from "../../db/governed.ts";
import { seedRegistry } from "./seed-registry.ts";

/**
 * Seeds the demo registry from the kit's seed (`seedKit` gets `pool` and `lakehouseDir` from
 * `appbase up`): opens the local lakehouse, writes what is missing through the Governance Writer,
 * closes it again so the kit process can open it. Idempotent. Returns a line for the seed log.
 */
export async function seedGovernedRegistry(ctx: {
  pool: GovernanceSql;
  lakehouseDir: string;
}): Promise<string> {
  const lakehouse = await openLocalLakehouse({ directory: ctx.lakehouseDir, userName: "appbase seed" });
  try {
    const writer = new GovernanceWriter({ lakehouse, lakebase: ctx.pool, tables: governedTables });
    await writer.ensureLakehouseTables();
    const registered = await seedRegistry(writer);
    // Bronze follows silver shortly after a write: append it before the file is given up.
    await writer.flushBronze();
    const count = registered.tools.length + registered.agents.length;
    return count === 0
      ? "governed registry already seeded"
      : `governed registry: registered ${registered.tools.length} tool(s) and ${registered.agents.length} agent(s)`;
  } finally {
    await lakehouse.close();
  }
}
