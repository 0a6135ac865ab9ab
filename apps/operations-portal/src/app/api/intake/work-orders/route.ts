// POST /api/intake/work-orders: Agent Ops files the work order its maintenance planner proposed and a
// reviewer approved there. The caller is an app (its service principal; locally its app user).
import { z } from "zod";
import { assetIdField, priorityField, titleField } from "../../../../actions/fields.ts";
import { fileAgentWorkOrder } from "../../../../domain/agent-handoff/agent-work-order.ts";
import { db, defineRoute } from "../../../../server/kit.ts";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "work-order.intake",
  input: z.object({
    idempotencyKey: z
      .string({ error: "idempotencyKey is required: derive it from the thread and tool call ids." })
      .min(8, "idempotencyKey must be at least 8 characters.")
      .max(200, "idempotencyKey must be at most 200 characters.")
      .regex(/^[A-Za-z0-9._~:-]+$/, "idempotencyKey may use letters, digits and . _ ~ : - only."),
    threadId: z
      .string({ error: "threadId is required: the agent thread the alert was handed to." })
      .min(1, "threadId is required: the agent thread the alert was handed to.")
      .max(100, "threadId must be at most 100 characters.")
      .regex(/^[A-Za-z0-9._~-]+$/, "threadId may use letters, digits and . _ ~ - only."),
    alertId: z.uuid({ error: "alertId must be the id of the alert the agent was handed." }),
    assetId: assetIdField,
    title: titleField,
    priority: priorityField,
  }),
  handler: async (input, { identity }) => fileAgentWorkOrder(await db(), input, identity),
});
