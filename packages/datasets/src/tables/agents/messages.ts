import { index, integer, text, uniqueIndex } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { agentsSchema } from "../schemas.ts";

/** Messages of each thread, read in `seq` order. */
export const messages = agentsSchema.table(
  "messages",
  {
    message_id: text("message_id").primaryKey(),
    thread_id: text("thread_id").notNull(),
    seq: integer("seq").notNull(),
    role: text("role").notNull(),
    content: text("content").notNull(),
    tool_call_id: text("tool_call_id"),
    created_at: instant("created_at").notNull(),
    token_count: integer("token_count").notNull(),
  },
  (t) => [
    uniqueIndex("messages_thread_seq_idx").on(t.thread_id, t.seq),
    index("messages_tool_call_idx").on(t.tool_call_id),
  ],
);
