import { qualifiedName } from "@appbase/grants";
import { auditEvent } from "../../db/schema/audit-event.ts";
import { riskCase } from "../../db/schema/risk-case.ts";

/** The tables a case review on a branch changes, so the tables its diff shows (kit.ts declares them as diffTables). */
export const reviewTables = [riskCase, auditEvent];

/** The same tables as `schema.table`, for the diff. */
export const reviewDiffTables = reviewTables.map((table) => qualifiedName(table));
