import { index, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "../../../columns.ts";
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
    createdAt: createdAt(),
  },
  (table) => [index("note_tags_tag_idx").on(table.tag)],
);
