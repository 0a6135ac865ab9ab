"use server";

import { plainText } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  acknowledgeAlert,
  claimAlert,
  dismissAlert,
  openWorkOrderFromAlert,
  releaseAlert,
} from "../domain/alerts/alerts.ts";
import { db, defineAction } from "../server/kit.ts";
import {
  assigneeOrNobodyField,
  priorityField,
  reasonField,
  requestIdField,
  titleField,
  versionField,
} from "./fields.ts";

const alertIdField = z.uuid({ error: "alertId must be the id of an alert in the queue; reload the page." });
const done = () => revalidatePath("/alerts");

/** Claims an alert (a lease); someone else's live claim comes back as a conflict. */
export const claimAlertAction = defineAction({
  permission: "alert.claim",
  input: z.object({ alertId: alertIdField }),
  handler: async (input, { identity }) => {
    const alert = await claimAlert(await db(), { id: input.alertId, actor: identity.email });
    done();
    return { version: alert.version };
  },
});

/** Gives a claimed alert back to the queue. */
export const releaseAlertAction = defineAction({
  permission: "alert.claim",
  input: z.object({ alertId: alertIdField, expectedVersion: versionField }),
  handler: async (input, { identity }) => {
    const alert = await releaseAlert(await db(), {
      id: input.alertId,
      actor: identity.email,
      expectedVersion: input.expectedVersion,
    });
    done();
    return { version: alert.version };
  },
});

/** Closes a claimed alert as seen and handled. */
export const acknowledgeAlertAction = defineAction({
  permission: "alert.resolve",
  input: z.object({
    alertId: alertIdField,
    expectedVersion: versionField,
    note: plainText("note", 500).optional(),
  }),
  handler: async (input, { identity }) => {
    const alert = await acknowledgeAlert(await db(), {
      id: input.alertId,
      actor: identity.email,
      expectedVersion: input.expectedVersion,
      note: input.note,
    });
    done();
    return { status: alert.status };
  },
});

/** Closes a claimed alert as needing no work; the reason is required. */
export const dismissAlertAction = defineAction({
  permission: "alert.resolve",
  input: z.object({ alertId: alertIdField, expectedVersion: versionField, reason: reasonField }),
  handler: async (input, { identity }) => {
    const alert = await dismissAlert(await db(), {
      id: input.alertId,
      actor: identity.email,
      expectedVersion: input.expectedVersion,
      reason: input.reason,
    });
    done();
    return { status: alert.status };
  },
});

/** Opens a work order from a claimed alert and closes the alert with it. */
export const openWorkOrderFromAlertAction = defineAction({
  permission: "work-order.create",
  input: z.object({
    alertId: alertIdField,
    expectedVersion: versionField,
    title: titleField,
    priority: priorityField,
    assigneeId: assigneeOrNobodyField.optional(),
    requestId: requestIdField,
  }),
  handler: async (input, { identity }) => {
    const result = await openWorkOrderFromAlert(await db(), {
      id: input.alertId,
      viewer: identity,
      expectedVersion: input.expectedVersion,
      title: input.title,
      priority: input.priority,
      assigneeId: input.assigneeId || null,
      requestId: input.requestId,
    });
    done();
    return { workOrderId: result.workOrder.id };
  },
});
