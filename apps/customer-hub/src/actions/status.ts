"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moveStatus } from "../domain/status/move-status.ts";
import { WORKFLOW_STATUSES } from "../domain/status/workflow.ts";
import { db, defineAction } from "../server/kit.ts";
import { customerIdField, versionField } from "./fields.ts";

/** Moves a customer along the workflow; illegal moves come back as a field error on `status`. */
export const moveStatusAction = defineAction({
  permission: "status.change",
  input: z.object({
    customerId: customerIdField,
    status: z.enum(WORKFLOW_STATUSES, { error: `status must be one of ${WORKFLOW_STATUSES.join(", ")}.` }),
    expectedVersion: versionField,
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
