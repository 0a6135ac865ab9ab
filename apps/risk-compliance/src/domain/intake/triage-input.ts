import { idempotencyKeyField, plainText, threadIdField } from "@appbase/next-kit/fields";
import { z } from "zod";
import { TRIAGE_ACTIONS } from "./triage-intake.ts";

/** What POST /api/intake/triage accepts; every field bounded, each problem a field error. */
export const triageFilingInput = z.object({
  idempotencyKey: idempotencyKeyField("derive it from the thread and tool call ids"),
  sourceKit: z.enum(["agent-ops"], { error: "sourceKit must be agent-ops (the kit whose thread files it)." }),
  threadId: threadIdField("the agent thread that files the outcome"),
  entityId: z
    .string({ error: "entityId is required." })
    .regex(/^E\d{7}$/, "entityId must be a risk entity id like E0000012."),
  action: z.enum(TRIAGE_ACTIONS, { error: `action must be one of ${TRIAGE_ACTIONS.join(", ")}.` }),
  alertIds: z
    .array(z.string().regex(/^A\d{7}$/, "each alert id must look like A0000012 (risk.alerts.alert_id)."), {
      error: "alertIds must be a list of alert ids.",
    })
    .max(50, "Name at most 50 alerts in one filing."),
  reason: plainText("reason", 500, { min: 3 }),
});
