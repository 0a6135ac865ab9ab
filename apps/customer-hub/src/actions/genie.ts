"use server";

import { FieldRuleError } from "@appbase/next-kit/errors";
import { z } from "zod";
import { GenieError } from "../domain/genie/genie-types.ts";
import { maskGenieAnswer } from "../domain/genie/mask-answer.ts";
import { askBoundGenie } from "../server/genie.ts";
import { defineAction } from "../server/kit.ts";
import { viewerRules } from "../server/viewer-rules.ts";

/** Asks the bound Genie space a question about customers; PII columns in the answer are masked for the viewer. */
export const askGenieAction = defineAction({
  permission: "genie.ask",
  input: z.object({
    question: z
      .string()
      .trim()
      .min(3, "Ask a question of at least a few words.")
      .max(500, "Keep the question under 500 characters."),
  }),
  handler: async (input, { identity }) => {
    try {
      return maskGenieAnswer(await askBoundGenie(identity, input.question), viewerRules(identity, false));
    } catch (error) {
      // Genie's own refusals are shown next to the question, not as a server failure.
      if (error instanceof GenieError) throw new FieldRuleError("question", error.message);
      throw error;
    }
  },
});
