"use server";

import { wholeNumber } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { alertQueue, DISMISS_RESOLUTIONS } from "../domain/alerts/alert-queue.ts";
import { escalateAlert } from "../domain/cases/escalate.ts";
import { riskLevelSchema } from "../domain/cases/lifecycle.ts";
import { db, defineAction } from "../server/kit.ts";
import {
  alertIdField,
  assigneeField,
  resolutionNoteField,
  snoozeReasonField,
  titleField,
  versionField,
} from "./fields.ts";

/** Claims an alert (a lease in the claimant's name); someone else's live claim is a conflict naming them. */
export const claimAlertAction = defineAction({
  permission: "alert.claim",
  input: z.object({ alertId: alertIdField }),
  handler: async (input, { identity }) => {
    const claimed = await alertQueue.claim(await db(), { id: input.alertId, claimant: identity.email });
    revalidatePath(`/alerts/${input.alertId}`);
    revalidatePath("/alerts");
    return { version: claimed.version, leaseExpiresAt: claimed.leaseExpiresAt?.toISOString() ?? null };
  },
});

/** Snoozes an alert with a reason, for 1 to 30 days. */
export const snoozeAlertAction = defineAction({
  permission: "alert.triage",
  input: z.object({
    alertId: alertIdField,
    expectedVersion: versionField,
    days: wholeNumber("days", { min: 1, max: 30 }),
    reason: snoozeReasonField,
  }),
  handler: async (input, { identity }) => {
    const until = new Date(Date.now() + input.days * 86_400_000);
    await alertQueue.snooze(await db(), {
      id: input.alertId,
      actor: identity.email,
      expectedVersion: input.expectedVersion,
      until,
      reason: input.reason,
    });
    revalidatePath("/alerts");
    return { until: until.toISOString() };
  },
});

/** Escalates the claimed alert to a new case. */
export const escalateAlertAction = defineAction({
  permission: "case.open",
  input: z.object({
    alertId: alertIdField,
    expectedVersion: versionField,
    riskLevel: riskLevelSchema,
    title: titleField.optional(),
  }),
  handler: async (input, { identity }) => {
    const kase = await escalateAlert(await db(), {
      alertId: input.alertId,
      alertVersion: input.expectedVersion,
      actor: identity.email,
      riskLevel: input.riskLevel,
      title: input.title,
    });
    revalidatePath("/alerts");
    return { caseId: kase.id, number: kase.number };
  },
});

const selectedField = z
  .array(z.object({ id: alertIdField, version: versionField }), {
    error: "items must be the selected alerts; reload the page.",
  })
  .min(1, "Select at least one alert.")
  .max(500, "Select at most 500 alerts at a time.");

/** A lead assigns the selected alerts to an analyst (each at the version the lead saw; refusals say why). */
export const bulkAssignAlertsAction = defineAction({
  permission: "alert.reassign",
  input: z.object({
    items: selectedField,
    assignee: assigneeField,
  }),
  handler: async (input, { identity }) => {
    const result = await alertQueue.bulkAssign(await db(), {
      items: input.items,
      assignee: input.assignee,
      actor: identity.email,
    });
    revalidatePath("/alerts");
    return { assigned: result.done.length, refused: result.refused };
  },
});

/** A lead dismisses the selected alerts with one resolution and note. */
export const bulkDismissAlertsAction = defineAction({
  permission: "alert.reassign",
  input: z.object({
    items: selectedField,
    resolution: z.enum(DISMISS_RESOLUTIONS, {
      error: `resolution must be one of ${DISMISS_RESOLUTIONS.join(", ")}.`,
    }),
    note: resolutionNoteField,
  }),
  handler: async (input, { identity }) => {
    const result = await alertQueue.bulkClose(await db(), {
      items: input.items,
      status: "dismissed",
      actor: identity.email,
      values: { resolution: input.resolution, resolution_note: input.note },
    });
    revalidatePath("/alerts");
    return { dismissed: result.done.length, refused: result.refused };
  },
});
