"use server";

import { versionNumber } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moveStatus } from "../domain/status/move-status.ts";
import { WORKFLOW_STATUSES } from "../domain/status/workflow.ts";
import { db, defineAction } from "../server/kit.ts";
import { customerIdField } from "./fields.ts";

/** Moves a customer along the workflow; illegal moves come back as a field error on `status`. */
export const moveStatusAction = defineAction({
  permission: "status.change",
  input: z.object({
    customerId: customerIdField,
    status: z.enum(WORKFLOW_STATUSES, { error: `status must be one of ${WORKFLOW_STATUSES.join(", ")}.` }),
    // 0: the customer was never moved (no workflow row yet), as the status form sends it.
    expectedVersion: versionNumber("expectedVersion", { min: 0 }),
  }),
  handler: async (input, { identity }) => {
    const workflow = await moveStatus(await db(), {
      customerId: input.customerId,
      to: input.status,
      expectedVersion: input.expectedVersion,
      actor: identity,
    });
    revalidatePath(`/customers/${input.customerId}`);
    return workflow;
  },
});
