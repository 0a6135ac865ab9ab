"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { startSupportRun } from "../domain/runs/runs.ts";
import { db } from "../server/db.ts";
import { defineAction } from "../server/kit.ts";

/** Starts the demo support agent; it runs until done or until it pauses for human review. */
export const startRunAction = defineAction({
  // Starting and pausing agents is the operator's control of the fleet.
  permission: "agent.pause",
  input: z.object({
    request: z
      .string()
      .trim()
      .min(5, "Describe what the customer asks, e.g. 'Refund order ORD-1234, it arrived broken'.")
      .max(500, "Keep the request under 500 characters."),
  }),
  handler: async (input, { identity }) => {
    const run = await startSupportRun(await db(), { request: input.request, startedBy: identity.email });
    revalidatePath("/threads");
    revalidatePath("/queue");
    return run;
  },
});
