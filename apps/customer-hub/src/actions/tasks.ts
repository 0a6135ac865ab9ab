"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { completeTask, createTask } from "../domain/tasks/tasks.ts";
import { db, defineAction } from "../server/kit.ts";
import {
  assigneeEmailField,
  customerIdField,
  dueDateField,
  requestIdField,
  taskIdField,
  taskTitleField,
  versionField,
} from "./fields.ts";

/** Creates a follow-up task with an assignee and a due date (idempotent per requestId). */
export const createTaskAction = defineAction({
  permission: "task.write",
  input: z.object({
    customerId: customerIdField,
    title: taskTitleField,
    assigneeEmail: assigneeEmailField,
    dueDate: dueDateField,
    requestId: requestIdField,
  }),
  handler: async (input, { identity }) => {
    const task = await createTask(await db(), { ...input, actor: identity });
    revalidatePath(`/customers/${input.customerId}`);
    return task;
  },
});

/** Marks a task done. */
export const completeTaskAction = defineAction({
  permission: "task.write",
  input: z.object({ customerId: customerIdField, taskId: taskIdField, expectedVersion: versionField }),
  handler: async (input, { identity }) => {
    const task = await completeTask(await db(), { ...input, actor: identity });
    revalidatePath(`/customers/${input.customerId}`);
    return task;
  },
});
