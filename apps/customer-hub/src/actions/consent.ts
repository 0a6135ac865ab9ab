"use server";

import { plainText } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CONSENT_REASON_MAX_LENGTH, recordConsentChange } from "../domain/consent/consent-changes.ts";
import { CONSENT_PURPOSES } from "../domain/customers/consent.ts";
import { db, defineAction } from "../server/kit.ts";
import { customerIdField, requestIdField } from "./fields.ts";

/** Records a customer's consent decision on one purpose, with the reason (audited in the history). */
export const recordConsentAction = defineAction({
  permission: "consent.manage",
  input: z.object({
    customerId: customerIdField,
    purpose: z.enum(CONSENT_PURPOSES, { error: `purpose must be one of ${CONSENT_PURPOSES.join(", ")}.` }),
    granted: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
      error: "granted must be true (consent given) or false (withdrawn).",
    }),
    reason: plainText("reason", CONSENT_REASON_MAX_LENGTH, { min: 3 }),
    requestId: requestIdField,
  }),
  handler: async (input, { identity }) => {
    const change = await recordConsentChange(await db(), { ...input, actor: identity });
    revalidatePath(`/customers/${input.customerId}`);
    return change;
  },
});
