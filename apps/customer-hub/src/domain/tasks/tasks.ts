import type { Queryable } from "@appbase/db";
import { rowOf } from "@appbase/db";
import { ConflictError, NotFoundError } from "@appbase/next-kit/errors";
import { type FollowUpTaskRow, followUpTasks } from "../../db/schema/follow-up-tasks.ts";
import { assertCustomerVisible, type Viewer } from "../customers/access.ts";
import { firstOfRequest } from "../retried-request.ts";

/** A follow-up task on a customer, as the UI sees it: the row without the client's retry key. */
export type FollowUpTask = Omit<FollowUpTaskRow, "requestId">;

/** A whole `customer_hub.follow_up_tasks` row (`select *` / `returning *`) as a task. */
function toTask(row: Record<string, unknown>): FollowUpTask {
  const { requestId: _retryKey, ...task } = rowOf(followUpTasks, row);
  return task;
}

/** Tasks on a customer: open ones first by due date, then done ones. */
export async function listTasks(db: Queryable, customerId: string): Promise<FollowUpTask[]> {
  const { rows } = await db.query(
    `select * from customer_hub.follow_up_tasks where customer_id = $1
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
    actor: Viewer;
  },
): Promise<FollowUpTask> {
  await assertCustomerVisible(db, input.actor, input.customerId);
  const { rows } = await db.query(
    `with created as (
       insert into customer_hub.follow_up_tasks (customer_id, title, assignee_email, due_date, request_id, created_by)
       values ($1, $2, $3, $4, $5, $6) on conflict (request_id) do nothing returning *),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, $6, 'task.created',
                       jsonb_build_object('taskId', id, 'title', title, 'assignee', assignee_email, 'due', due_date) from created)
     select * from created`,
    [input.customerId, input.title, input.assigneeEmail, input.dueDate, input.requestId, input.actor.email],
  );
  if (rows[0]) return toTask(rows[0]);
  return toTask(await firstOfRequest(db, "follow_up_tasks", input));
}

/** Marks an open task of the named customer done if it is still at `expectedVersion`. */
export async function completeTask(
  db: Queryable,
  input: { customerId: string; taskId: string; expectedVersion: number; actor: Viewer },
): Promise<FollowUpTask> {
  await assertCustomerVisible(db, input.actor, input.customerId);
  const { rows } = await db.query(
    `with done as (
       update customer_hub.follow_up_tasks set state = 'done', version = version + 1, completed_at = now()
        where id = $1 and version = $2 and state = 'open' and customer_id = $4 returning *),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, $3, 'task.completed', jsonb_build_object('taskId', id, 'title', title) from done)
     select * from done`,
    [input.taskId, input.expectedVersion, input.actor.email, input.customerId],
  );
  if (rows[0]) return toTask(rows[0]);
  const now = await db.query(
    `select * from customer_hub.follow_up_tasks where id = $1 and customer_id = $2`,
    [input.taskId, input.customerId],
  );
  if (!now.rows[0])
    throw new NotFoundError(`This task is not on ${input.customerId} any more; reload the page.`);
  throw new ConflictError(
    "Someone updated this task meanwhile; reload to see its current state.",
    toTask(now.rows[0]),
  );
}
