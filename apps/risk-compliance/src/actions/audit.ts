"use server";

import { z } from "zod";
import { auditCsv } from "../domain/audit/audit-export.ts";
import { db, defineAction } from "../server/kit.ts";

/** The audit trail as CSV, for auditors (audit.export). */
export const exportAuditAction = defineAction({
  permission: "audit.export",
  input: z.object({}),
  handler: async () => ({
    csv: await auditCsv(await db()),
    fileName: `risk-compliance-audit-${new Date().toISOString().slice(0, 10)}.csv`,
  }),
});
