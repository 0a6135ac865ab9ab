"use server";

import { plainText, wholeNumber } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assignWorkOrder, reprioritizeWorkOrder } from "../domain/work-orders/assign-work-order.ts";
import { setChecklistStep } from "../domain/work-orders/checklist.ts";
import { createWorkOrder } from "../domain/work-orders/create-work-order.ts";
import { WORK_ORDER_STATUSES } from "../domain/work-orders/lifecycle.ts";
import { moveWorkOrder } from "../domain/work-orders/move-work-order.ts";
import { recordWork } from "../domain/work-orders/work-log.ts";
import { db, defineAction } from "../server/kit.ts";
import {
  assetIdField,
  assigneeOrNobodyField,
  descriptionField,
  priorityField,
  reasonField,
  requestIdField,
  stepIdField,
  titleField,
  versionField,
  workOrderIdField,
} from "./fields.ts";

const refresh = (id: string) => {
  revalidatePath(`/work-orders/${id}`);
  revalidatePath("/work-orders");
  revalidatePath("/my");
};

/** Opens a reactive work order on an asset. */
export const createWorkOrderAction = defineAction({
  permission: "work-order.create",
  input: z.object({
    assetId: assetIdField,
    title: titleField,
    description: descriptionField.optional(),
    priority: priorityField,
    assigneeId: assigneeOrNobodyField.optional(),
    requestId: requestIdField,
  }),
  handler: async (input, { identity }) => {
    const order = await createWorkOrder(await db(), {
      ...input,
      description: input.description ?? "",
      assigneeId: input.assigneeId || null,
      kind: "reactive",
      actor: identity.email,
    });
    revalidatePath(`/assets/${input.assetId}`);
    return { id: order.id, number: order.number };
  },
});

/** Moves a work order along its lifecycle; illegal moves and missing reasons are field errors. */
export const moveWorkOrderAction = defineAction({
  permission: "work-order.update",
  input: z.object({
    workOrderId: workOrderIdField,
    status: z.enum(WORK_ORDER_STATUSES, {
      error: `status must be one of ${WORK_ORDER_STATUSES.join(", ")}.`,
    }),
    reason: reasonField.optional(),
    expectedVersion: versionField,
  }),
  handler: async (input, { identity }) => {
    const order = await moveWorkOrder(await db(), {
      id: input.workOrderId,
      to: input.status,
      reason: input.reason,
      expectedVersion: input.expectedVersion,
      viewer: identity,
    });
    refresh(order.id);
    return { status: order.status, version: order.version };
  },
});

/** Assigns a technician (empty: unassigns). */
export const assignWorkOrderAction = defineAction({
  permission: "work-order.assign",
  input: z.object({
    workOrderId: workOrderIdField,
    assigneeId: assigneeOrNobodyField,
    expectedVersion: versionField,
  }),
  handler: async (input, { identity }) => {
    const order = await assignWorkOrder(await db(), {
      id: input.workOrderId,
      assigneeId: input.assigneeId || null,
      expectedVersion: input.expectedVersion,
      viewer: identity,
    });
    refresh(order.id);
    return { assigneeId: order.assigneeId, version: order.version };
  },
});

/** Changes the priority; the targets follow. */
export const reprioritizeWorkOrderAction = defineAction({
  permission: "work-order.assign",
  input: z.object({ workOrderId: workOrderIdField, priority: priorityField, expectedVersion: versionField }),
  handler: async (input, { identity }) => {
    const order = await reprioritizeWorkOrder(await db(), {
      id: input.workOrderId,
      priority: input.priority,
      expectedVersion: input.expectedVersion,
      viewer: identity,
    });
    refresh(order.id);
    return { priority: order.priority, version: order.version };
  },
});

/** Ticks a checklist step on or off. */
export const setChecklistStepAction = defineAction({
  permission: "work-order.update",
  input: z.object({
    workOrderId: workOrderIdField,
    stepId: stepIdField,
    done: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
      error: "done must be true or false.",
    }),
  }),
  handler: async (input, { identity }) => {
    const steps = await setChecklistStep(await db(), { ...input, viewer: identity });
    refresh(input.workOrderId);
    return steps.map((s) => ({ id: s.id, done: s.done }));
  },
});

const note = plainText("note", 500).optional().default("");

/** Records a part used or time spent. */
export const recordWorkAction = defineAction({
  permission: "work-order.update",
  input: z.discriminatedUnion(
    "entry",
    [
      z.object({
        entry: z.literal("part"),
        workOrderId: workOrderIdField,
        requestId: requestIdField,
        partNumber: plainText("partNumber", 64, { min: 1 }),
        quantity: z.preprocess(
          (v) => (typeof v === "string" && /^\s*\d{1,5}(\.\d{1,3})?\s*$/.test(v) ? Number(v) : v),
          z
            .number({ error: "quantity must be a number such as 2 or 0.5." })
            .positive("quantity must be more than 0.")
            .max(10_000, "quantity can be at most 10,000."),
        ),
        note,
      }),
      z.object({
        entry: z.literal("time"),
        workOrderId: workOrderIdField,
        requestId: requestIdField,
        minutes: wholeNumber("minutes", { min: 1, max: 1440 }, " (one day at most per entry)"),
        note,
      }),
    ],
    { error: "entry must be part or time." },
  ),
  handler: async (input, { identity }) => {
    const lines = await recordWork(await db(), { ...input, viewer: identity });
    refresh(input.workOrderId);
    return { lines: lines.length };
  },
});
