import { doublePrecision, index, integer, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { riskSchema } from "../schemas.ts";

/** Rule-raised alerts (the synced history the risk kit's own queue starts from). */
export const alerts = riskSchema.table(
  "alerts",
  {
    alert_id: text("alert_id").primaryKey(),
    entity_id: text("entity_id").notNull(),
    rule_id: text("rule_id").notNull(),
    rule_name: text("rule_name").notNull(),
    severity: text("severity").notNull(),
    status: text("status").notNull(),
    resolution: text("resolution"),
    case_id: text("case_id"),
    assignee: text("assignee"),
    dedupe_key: text("dedupe_key").notNull(),
    score: doublePrecision("score").notNull(),
    duplicate_count: integer("duplicate_count").notNull(),
    opened_at: instant("opened_at").notNull(),
    last_seen_at: instant("last_seen_at").notNull(),
  },
  (t) => [
    index("alerts_entity_idx").on(t.entity_id),
    index("alerts_status_severity_opened_idx").on(t.status, t.severity, t.opened_at.desc()),
    index("alerts_rule_idx").on(t.rule_id),
    index("alerts_case_idx").on(t.case_id),
    index("alerts_dedupe_key_idx").on(t.dedupe_key),
  ],
);
