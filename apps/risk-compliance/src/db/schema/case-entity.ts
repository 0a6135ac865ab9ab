import { primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { riskCompliance } from "./risk-compliance-schema.ts";

/** Entities linked to a case (the alerts' entities, and any an investigator adds). */
export const caseEntity = riskCompliance.table(
  "case_entity",
  {
    caseId: uuid("case_id").notNull(),
    entityId: text("entity_id").notNull(),
    linkedBy: text("linked_by").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.entityId] })],
);
