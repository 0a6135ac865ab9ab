import { index, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { agentsSchema } from "../schemas.ts";

/** Agent conversations and how they ended. */
export const threads = agentsSchema.table(
  "threads",
  {
    thread_id: text("thread_id").primaryKey(),
    agent_id: text("agent_id").notNull(),
    status: text("status").notNull(),
    subject_type: text("subject_type").notNull(),
    subject_id: text("subject_id").notNull(),
    title: text("title").notNull(),
    started_at: instant("started_at").notNull(),
    ended_at: instant("ended_at"),
  },
  (t) => [
    index("threads_agent_started_idx").on(t.agent_id, t.started_at.desc()),
    index("threads_status_idx").on(t.status),
    index("threads_subject_idx").on(t.subject_type, t.subject_id),
    index("threads_started_idx").on(t.started_at.desc()),
  ],
);
