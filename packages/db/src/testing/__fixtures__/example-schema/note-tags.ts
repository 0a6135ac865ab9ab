import { index, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { notes } from "./notes.ts";
import { exampleKit } from "./schema.ts";

/** Tags on notes; added by the second migration, so the fixture has more than one. */
export const noteTags = exampleKit.table(
  "note_tags",
  {
    noteId: uuid("note_id")
      .notNull()
      .references(() => notes.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("note_tags_tag_idx").on(table.tag)],
);
