"use server";

import { FieldRuleError } from "@appbase/next-kit/errors";
import { z } from "zod";
import { GenieError } from "../domain/genie/genie-types.ts";
import { maskGenieAnswer } from "../domain/genie/mask-answer.ts";
import { askBoundGenie } from "../server/genie.ts";
import { can, defineAction } from "../server/kit.ts";
import { viewerRules } from "../server/viewer-rules.ts";
import { questionField } from "./fields.ts";

/** Asks the bound Genie space a question about customers; PII columns in the answer are masked for the viewer. */
export const askGenieAction = defineAction({
  permission: "genie.ask",
  input: z.object({
    question: questionField,
  }),
  handler: async (input, { identity }) => {
    try {
      // Genie answers from the warehouse, where the assigned-customers row rule does not reach: someone
      // limited to their own customers gets every PII column of an answer masked.
      const limited = !can(identity, "customer.read-all");
      return maskGenieAnswer(await askBoundGenie(identity, input.question), viewerRules(identity, limited));
    } catch (error) {
      // Genie's own refusals are shown next to the question, not as a server failure.
      if (error instanceof GenieError) throw new FieldRuleError("question", error.message);
      throw error;
    }
  },
});
