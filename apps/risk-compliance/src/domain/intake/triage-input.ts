import { plainText } from "@appbase/next-kit/fields";
import { z } from "zod";
import { TRIAGE_ACTIONS } from "./triage-intake.ts";

/** Printable ids with no slashes: they end up in deep links (`/go/thread/{id}`) and audit notes. */
const LINKABLE_ID = /^[A-Za-z0-9._~:-]+$/;

/** What POST /api/intake/triage accepts; every field bounded, each problem a field error. */
export const triageFilingInput = z.object({
  idempotencyKey: z
    .string({ error: "idempotencyKey is required: derive it from the thread and tool call ids." })
    .min(8, "idempotencyKey must be at least 8 characters.")
    .max(200, "idempotencyKey must be at most 200 characters.")
    .regex(LINKABLE_ID, "idempotencyKey may use letters, digits and . _ ~ : - only."),
  sourceKit: z.enum(["agent-ops"], { error: "sourceKit must be agent-ops (the kit whose thread files it)." }),
  threadId: z
    .string({ error: "threadId is required: the agent thread that files the outcome." })
    .min(1, "threadId is required: the agent thread that files the outcome.")
    .max(100, "threadId must be at most 100 characters.")
    .regex(/^[A-Za-z0-9._~-]+$/, "threadId may use letters, digits and . _ ~ - only."),
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
