// POST /api/intake/work-orders: Agent Ops files the work order its maintenance planner proposed and a
// reviewer approved there. The caller is an app (its service principal; locally its app user).
import { idempotencyKeyField, threadIdField } from "@appbase/next-kit/fields";
import { z } from "zod";
import { assetIdField, priorityField, titleField } from "../../../../actions/fields.ts";
import { fileAgentWorkOrder } from "../../../../domain/agent-handoff/agent-work-order.ts";
import { db, defineRoute } from "../../../../server/kit.ts";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "work-order.intake",
  input: z.object({
    idempotencyKey: idempotencyKeyField("derive it from the thread and tool call ids"),
    threadId: threadIdField("the agent thread the alert was handed to"),
    alertId: z.uuid({ error: "alertId must be the id of the alert the agent was handed." }),
    assetId: assetIdField,
    title: titleField,
    priority: priorityField,
  }),
  handler: async (input, { identity }) => fileAgentWorkOrder(await db(), input, identity),
});
