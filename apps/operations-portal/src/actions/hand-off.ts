"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handAlertToAgent } from "../domain/agent-handoff/hand-to-agent.ts";
import { db, defineAction } from "../server/kit.ts";
import { callKit } from "../server/links.ts";

/**
 * Hands an open alert to Agent Ops' maintenance planner, which proposes a work order for a reviewer
 * there. Once per alert: handing it again answers the same thread.
 */
export const handAlertToAgentAction = defineAction({
  permission: "alert.hand-to-agent",
  input: z.object({
    alertId: z.uuid({ error: "alertId must be the id of an alert in the queue; reload the page." }),
  }),
  handler: async (input, { identity }) => {
    const handoff = await handAlertToAgent(
      await db(),
      { alertId: input.alertId, actor: identity.email },
      (body) => callKit({ kit: "agent-ops", path: "/api/runs", body }),
    );
    revalidatePath("/alerts");
    return { threadId: handoff.threadId, alreadyHanded: handoff.alreadyHanded };
  },
});
