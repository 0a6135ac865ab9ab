import "server-only";
import { openLakehouseFromEnv } from "@appbase/lakehouse/from-env";
import { type GovernanceSql, startKitOutboxWorker } from "@appbase/lakehouse/governance";
import { type CaseGovernance, caseGovernance } from "../db/case-governance.ts";
import { lakehouseEnv } from "../lakehouse-env.ts";
import { db } from "./kit.ts";

interface Running {
  governance: CaseGovernance;
}

// One writer and one outbox worker per process (kept on globalThis, so dev reloads share them).
const slot = globalThis as unknown as { riskComplianceGovernance?: Promise<Running> };

async function start(): Promise<Running> {
  const lakehouse = await openLakehouseFromEnv({ ...lakehouseEnv() }, { userName: "risk-compliance" });
  try {
    const governance = await caseGovernance(lakehouse, (await db()) as unknown as GovernanceSql);
    // What Lakebase or bronze missed is delivered from the outbox.
    startKitOutboxWorker(governance.writer, { kit: "risk-compliance", what: "decision", logger: console });
    return { governance };
  } catch (error) {
    await lakehouse.close();
    throw error;
  }
}

/**
 * The kit's governed case decisions, or why they are unavailable (no lakehouse bound or running).
 * A failed start is forgotten, so the next request tries again.
 */
export async function kitGovernance(): Promise<
  { governance: CaseGovernance; unavailable?: never } | { governance: null; unavailable: string }
> {
  slot.riskComplianceGovernance ??= start().catch((error: unknown) => {
    slot.riskComplianceGovernance = undefined;
    throw error;
  });
  try {
    return { governance: (await slot.riskComplianceGovernance).governance };
  } catch (error) {
    console.error("[risk-compliance] governed case decisions could not start:", error);
    return {
      governance: null,
      unavailable: `Case decisions could not be governed: ${(error as Error).message}`,
    };
  }
}
