import { sql } from "drizzle-orm";
import { bigint, check, index, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { riskCompliance } from "./risk-compliance-schema.ts";

/**
 * Evidence on a case: a note (its text), a file (stored in a local folder or a Unity Catalog
 * volume; `storage_path` says where) or a link. `sha256` is of the note text, file bytes or URL.
 */
export const evidence = riskCompliance.table(
  "evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    url: text("url"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    storage: text("storage"),
    storagePath: text("storage_path"),
    sha256: text("sha256").notNull(),
    addedBy: text("added_by").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evidence_case_idx").on(t.caseId, t.addedAt),
    check("evidence_kind_check", sql`${t.kind} in ('note','file','link')`),
    check("evidence_storage_check", sql`${t.storage} is null or ${t.storage} in ('local','volume')`),
    check("evidence_title_length_check", sql`char_length(${t.title}) between 1 and 200`),
    check("evidence_body_length_check", sql`char_length(${t.body}) <= 20000`),
    check("evidence_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

export type EvidenceRow = typeof evidence.$inferSelect;
