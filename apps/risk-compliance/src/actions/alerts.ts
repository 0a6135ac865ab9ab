"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { alertQueue } from "../domain/alerts/alert-queue.ts";
import { escalateAlert } from "../domain/cases/escalate.ts";
import { riskLevelSchema } from "../domain/cases/lifecycle.ts";
import { db, defineAction } from "../server/kit.ts";
import { alertIdField, snoozeReasonField, titleField, versionField } from "./fields.ts";

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
    days: z.coerce
      .number()
      .int("days must be a whole number.")
      .min(1, "Snooze for at least 1 day.")
      .max(30, "Snooze for at most 30 days."),
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
