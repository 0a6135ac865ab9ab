"use server";

import { plainText } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { forkAgentRun } from "../domain/runs/runs.ts";
import { boundAgentModel, boundMlflowTarget } from "../server/databricks.ts";
import { db, defineAction } from "../server/kit.ts";
import { callKit } from "../server/links.ts";

/**
 * Forks a thread the kit started at one of its checkpoints with a tool result replaced, and runs the
 * fork on (LangGraph time travel); the timeline then shows the fork beside its parent branch.
 */
export const forkRunAction = defineAction({
  // Running agents is the operator's control of the fleet, as starting a run is.
  permission: "agent.pause",
  input: z.object({
    threadId: plainText("threadId", 200, { min: 1 }),
    checkpointId: plainText("checkpointId", 100, { min: 1 }),
    toolCallId: plainText("toolCallId", 200, { min: 1 }),
    result: plainText("The edited result", 10_000, { min: 1 }),
  }),
  handler: async (input, { identity }) => {
    const model = boundAgentModel();
    const target = boundMlflowTarget();
    const outcome = await forkAgentRun(await db(), {
      ...input,
      ...(model ? { model } : {}),
      kits: callKit,
      ...(target ? { tracing: { target, user: identity.email } } : {}),
    });
    revalidatePath(`/threads/${input.threadId}`);
    revalidatePath("/queue");
    return outcome;
  },
});
