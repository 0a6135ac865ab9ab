import { index, text } from "drizzle-orm/pg-core";
import { day } from "../columns.ts";
import { riskSchema } from "../schemas.ts";

/** Compliance policy texts. Embeddings live in the risk kit's own schema (pgvector), not here. */
export const policies = riskSchema.table(
  "policies",
  {
    policy_id: text("policy_id").primaryKey(),
    title: text("title").notNull(),
    category: text("category").notNull(),
    version: text("version").notNull(),
    owner: text("owner").notNull(),
    effective_date: day("effective_date").notNull(),
    body: text("body").notNull(),
  },
  (t) => [index("policies_category_idx").on(t.category)],
);
