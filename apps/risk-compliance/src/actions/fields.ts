import { plainText } from "@appbase/next-kit/fields";
import { z } from "zod";

// Shared input fields of this kit's actions (not an action file: it exports schemas, not actions).

export const alertIdField = z.uuid({ error: "alertId must be the id of an alert; reload the page." });
export const caseIdField = z.uuid({ error: "caseId must be the id of a case; reload the page." });
export const versionField = z.coerce
  .number({ error: "expectedVersion is required; reload the page." })
  .int("expectedVersion must be a whole number; reload the page.")
  .min(1, "expectedVersion must be 1 or more; reload the page.")
  .max(1_000_000, "expectedVersion is out of range; reload the page.");
export const titleField = plainText("title", 200, { min: 1 });
export const noteField = plainText("note", 4000);
export const evidenceTextField = plainText("text", 20_000, { min: 1 });
export const snoozeReasonField = plainText("reason", 500, { min: 3 });
