// POST /api/runs: another kit hands work to an agent (the Operations Portal an alert to the maintenance
// planner). The caller is an app (its service principal; locally its app user), never a person.
import { emailAddress, idempotencyKeyField, plainText } from "@appbase/next-kit/fields";
import { z } from "zod";
import { agentNameSchema } from "../../../domain/agents/agents.ts";
import { startHandedRun } from "../../../domain/runs/handoff-run.ts";
import { boundAgentModel } from "../../../server/databricks.ts";
import { db, defineRoute } from "../../../server/kit.ts";
import { callKit } from "../../../server/links.ts";

export const dynamic = "force-dynamic";

export const POST = defineRoute({
  permission: "run.intake",
  input: z.object({
    idempotencyKey: idempotencyKeyField("one key per piece of work (e.g. the alert id)"),
    agent: agentNameSchema,
    request: plainText("request", 500, { min: 5 }),
    requestedBy: emailAddress("requestedBy"),
  }),
  handler: async (input) => {
    const model = boundAgentModel();
    return startHandedRun(await db(), input, { ...(model ? { model } : {}), kits: callKit });
  },
});
