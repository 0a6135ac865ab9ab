import type { Lakehouse } from "@appbase/lakehouse";
import { type GovernanceFaults, type GovernanceSql, GovernanceWriter } from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { governedTables } from "./governed.ts";

/** What governed case decisions need: the writer (it reads the trail too, through `events`). */
export interface CaseGovernance {
  writer: GovernanceWriter;
}

/** The writer over the kit's governed tables, with silver and bronze created when missing. */
export async function caseGovernance(
  lakehouse: Lakehouse,
  lakebase: GovernanceSql,
  options: { faults?: GovernanceFaults } = {},
): Promise<CaseGovernance> {
  const writer = new GovernanceWriter({ lakehouse, lakebase, tables: governedTables, ...options });
  await writer.ensureLakehouseTables();
  return { writer };
}

/**
 * Runs `work` with governance over the local lakehouse in `directory` (the seed's), closing it after
 * so the kit process can open it.
 */
export async function withLocalCaseGovernance<T>(
  directory: string,
  lakebase: GovernanceSql,
  work: (governance: CaseGovernance) => Promise<T>,
): Promise<T> {
  const lakehouse = await openLocalLakehouse({ directory, userName: "appbase seed" });
  try {
    const governance = await caseGovernance(lakehouse, lakebase);
    const result = await work(governance);
    // Bronze follows silver shortly after a write: append it before the file is given up.
    await governance.writer.flushBronze();
    return result;
  } finally {
    await lakehouse.close();
  }
}
