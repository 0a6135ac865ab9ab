"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { generatePreventiveWorkOrders } from "../domain/maintenance/generate.ts";
import { db, defineAction } from "../server/kit.ts";

/** Opens the preventive orders that are due within their lead time (safe to run any number of times). */
export const generatePreventiveAction = defineAction({
  permission: "maintenance.plan",
  input: z.object({}),
  handler: async () => {
    const result = await generatePreventiveWorkOrders(await db());
    revalidatePath("/maintenance");
    return result;
  },
});
