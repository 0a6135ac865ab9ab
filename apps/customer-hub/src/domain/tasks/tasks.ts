import { ConflictError, NotFoundError } from "@appbase/next-kit/errors";
import type { Queryable } from "../../db/queryable.ts";
import { assertCustomerExists } from "../status/move-status.ts";

/** A follow-up task on a customer. */
export interface FollowUpTask {
  id: string;
  customerId: string;
  title: string;
  assigneeEmail: string;
  dueDate: string;
  state: "open" | "done";
  version: number;
  createdBy: string;
  completedAt: Date | null;
}

interface TaskRecord {
  id: string;
  customer_id: string;
  title: string;
  assignee_email: string;
  due_date: string;
  state: "open" | "done";
  version: number;
  created_by: string;
  completed_at: Date | null;
}

const COLUMNS =
  "id, customer_id, title, assignee_email, due_date::text as due_date, state, version, created_by, completed_at";

const toTask = (r: TaskRecord): FollowUpTask => ({
  id: r.id,
  customerId: r.customer_id,
  title: r.title,
  assigneeEmail: r.assignee_email,
  dueDate: r.due_date,
  state: r.state,
  version: r.version,
  createdBy: r.created_by,
  completedAt: r.completed_at,
});

/** Tasks on a customer: open ones first by due date, then done ones. */
export async function listTasks(db: Queryable, customerId: string): Promise<FollowUpTask[]> {
  const { rows } = await db.query<TaskRecord>(
    `select ${COLUMNS} from customer_hub.follow_up_tasks where customer_id = $1
      order by state = 'done', due_date, created_at`,
    [customerId],
  );
  return rows.map(toTask);
}

/** Creates a task; the same `requestId` twice creates it once. */
export async function createTask(
  db: Queryable,
  input: {
    customerId: string;
    title: string;
    assigneeEmail: string;
    dueDate: string;
    requestId: string;
    actor: string;
  },
): Promise<FollowUpTask> {
  await assertCustomerExists(db, input.customerId);
  const { rows } = await db.query<TaskRecord>(
    `with created as (
       insert into customer_hub.follow_up_tasks (customer_id, title, assignee_email, due_date, request_id, created_by)
       values ($1, $2, $3, $4, $5, $6) on conflict (request_id) do nothing returning *),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, $6, 'task.created',
                       jsonb_build_object('taskId', id, 'title', title, 'assignee', assignee_email, 'due', due_date) from created)
     select ${COLUMNS} from created`,
    [input.customerId, input.title, input.assigneeEmail, input.dueDate, input.requestId, input.actor],
  );
  if (rows[0]) return toTask(rows[0]);
  const existing = await db.query<TaskRecord>(
    `select ${COLUMNS} from customer_hub.follow_up_tasks where request_id = $1`,
    [input.requestId],
  );
  if (!existing.rows[0])
    throw new ConflictError("This request id was already used; reload and try again.", null);
  return toTask(existing.rows[0]);
}

/** Marks an open task done if it is still at `expectedVersion`. */
export async function completeTask(
  db: Queryable,
  input: { taskId: string; expectedVersion: number; actor: string },
): Promise<FollowUpTask> {
  const { rows } = await db.query<TaskRecord>(
    `with done as (
       update customer_hub.follow_up_tasks set state = 'done', version = version + 1, completed_at = now()
        where id = $1 and version = $2 and state = 'open' returning *),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, $3, 'task.completed', jsonb_build_object('taskId', id, 'title', title) from done)
     select ${COLUMNS} from done`,
    [input.taskId, input.expectedVersion, input.actor],
  );
  if (rows[0]) return toTask(rows[0]);
  const now = await db.query<TaskRecord>(
    `select ${COLUMNS} from customer_hub.follow_up_tasks where id = $1`,
    [input.taskId],
  );
  if (!now.rows[0]) throw new NotFoundError("This task no longer exists; reload the page.");
  throw new ConflictError(
    "Someone updated this task meanwhile; reload to see its current state.",
    toTask(now.rows[0]),
  );
}
