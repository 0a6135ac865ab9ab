"use server";

import { FieldRuleError } from "@appbase/next-kit/errors";
import { z } from "zod";
import { filterGenieAnswer } from "../domain/genie/filter-answer.ts";
import { GenieError } from "../domain/genie/genie-types.ts";
import { maskGenieAnswer } from "../domain/genie/mask-answer.ts";
import { askBoundGenie } from "../server/genie.ts";
import { can, db, defineAction } from "../server/kit.ts";
import { viewerRules } from "../server/viewer-rules.ts";
import { questionField } from "./fields.ts";

/**
 * Asks the bound Genie space a question about customers. Genie answers from the warehouse, where the
 * assigned-customers row rule does not reach: rows about customers not the viewer's are withheld (and
 * the answer says so), and PII columns of what remains are masked for the viewer.
 */
export const askGenieAction = defineAction({
  permission: "genie.ask",
  input: z.object({
    question: questionField,
  }),
  handler: async (input, { identity }) => {
    try {
      // Someone limited to their own customers also gets every PII column of the kept rows masked.
      const limited = !can(identity, "customer.read-all");
      const rules = viewerRules(identity, limited);
      const answer = await askBoundGenie(identity, input.question);
      return maskGenieAnswer(await filterGenieAnswer(await db(), identity, answer, rules), rules);
    } catch (error) {
      // Genie's own refusals are shown next to the question, not as a server failure.
      if (error instanceof GenieError) throw new FieldRuleError("question", error.message);
      throw error;
    }
  },
});
