"use server";

import { ConflictError } from "@appbase/next-kit/errors";
import { plainText } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { agentNameSchema } from "../domain/agents/agents.ts";
import { agentAvailability } from "../domain/registry/agent-availability.ts";
import { startAgentRun } from "../domain/runs/runs.ts";
import { boundAgentModel, boundMlflowTarget } from "../server/databricks.ts";
import { db, defineAction } from "../server/kit.ts";
import { callKit } from "../server/links.ts";

/** Starts an agent (the bound serving endpoint's model, else the scripted one); it runs until done or review. */
export const startRunAction = defineAction({
  // Starting and pausing agents is the operator's control of the fleet.
  permission: "agent.pause",
  input: z.object({
    agent: agentNameSchema.default("customer-support"),
    request: plainText("request", 500, {
      min: 5,
      required:
        "Describe the request, e.g. 'Refund order ORD-1234, it arrived broken' or 'Triage entity E0000012'.",
    }),
  }),
  handler: async (input, { identity }) => {
    const pool = await db();
    // The governed registry decides which agents may start (unregistered or disabled ones do not).
    const availability = await agentAvailability(pool, input.agent);
    if (!availability.runnable) throw new ConflictError(availability.reason, { agent: input.agent });
    const model = boundAgentModel();
    const target = boundMlflowTarget();
    const run = await startAgentRun(pool, {
      agent: input.agent,
      request: input.request,
      startedBy: identity.email,
      ...(model ? { model } : {}),
      kits: callKit,
      // With an experiment bound, each turn is logged as a trace whose session is the thread.
      ...(target ? { tracing: { target, user: identity.email } } : {}),
    });
    revalidatePath("/threads");
    revalidatePath("/queue");
    return run;
  },
});
