"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { indexPolicies } from "../domain/policies/index-policies.ts";
import { hasRetrieval, publishPolicyVersion } from "../domain/policies/policy-versions.ts";
import { kitEmbedder } from "../server/embedder.ts";
import { db, defineAction } from "../server/kit.ts";
import { dayField, policyBodyField, policyIdField, policyVersionField } from "./fields.ts";

/** A compliance officer publishes a newer version of a policy; its changed sections are embedded at once. */
export const publishPolicyAction = defineAction({
  permission: "policy.publish",
  input: z.object({
    policyId: policyIdField,
    version: policyVersionField,
    effectiveDate: dayField,
    body: policyBodyField,
  }),
  handler: async (input, { identity }) => {
    const pool = await db();
    const published = await publishPolicyVersion(pool, { ...input, actor: identity.email });
    const progress = (await hasRetrieval(pool)) ? await indexPolicies(pool, kitEmbedder()) : null;
    revalidatePath("/policies");
    return {
      policyId: published.policyId,
      version: published.version,
      embedded: progress?.embedded ?? 0,
      reused: progress?.reused ?? 0,
    };
  },
});
