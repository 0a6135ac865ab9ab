"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { completeTask, createTask } from "../domain/tasks/tasks.ts";
import { db, defineAction } from "../server/kit.ts";
import { customerIdField, requestIdField, taskIdField, versionField } from "./fields.ts";

/** Creates a follow-up task with an assignee and a due date (idempotent per requestId). */
export const createTaskAction = defineAction({
  permission: "task.write",
  input: z.object({
    customerId: customerIdField,
    title: z
      .string()
      .trim()
      .min(1, "Say what needs doing.")
      .max(200, "Keep the task title under 200 characters."),
    assigneeEmail: z.email({ error: "Assignee must be an email address, e.g. ann.manager@example.com." }),
    dueDate: z.iso.date({ error: "Due date must be a date (YYYY-MM-DD)." }),
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
