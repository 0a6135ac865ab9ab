import type { KitMatrix } from "../matrix.ts";
import { agentOpsMatrix } from "./agent-ops.ts";
import { customerHubMatrix } from "./customer-hub.ts";
import { operationsPortalMatrix } from "./operations-portal.ts";
import { riskComplianceMatrix } from "./risk-compliance.ts";

export { agentOpsMatrix, customerHubMatrix, operationsPortalMatrix, riskComplianceMatrix };

/** Every kit's matrix by kit id. */
export const kitMatrices = {
  "customer-hub": customerHubMatrix,
  "agent-ops": agentOpsMatrix,
  "risk-compliance": riskComplianceMatrix,
  "operations-portal": operationsPortalMatrix,
} as const satisfies Record<string, KitMatrix>;

export type KitId = keyof typeof kitMatrices;

/** The kit ids, in a stable order. */
export const KIT_IDS = Object.keys(kitMatrices) as KitId[];

/** The matrix of one kit; throws naming the known kits for an unknown id. */
export function matrixFor(kit: string): KitMatrix {
  if (!(kit in kitMatrices)) throw new Error(`Unknown kit "${kit}"; expected one of ${KIT_IDS.join(", ")}.`);
  return kitMatrices[kit as KitId];
}
