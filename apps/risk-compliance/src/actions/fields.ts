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
export const resolutionNoteField = plainText("note", 2000, { min: 3 });
export const policyIdField = z
  .string({ error: "policyId is required." })
  .regex(/^POL-\d{4,6}$/, "policyId must be a policy id such as POL-0007.");
export const policyVersionField = z
  .string({ error: "version is required." })
  .regex(/^\d{1,4}(\.\d{1,4}){0,2}$/, "version must look like 3.1 or 10.0.2.");
export const policyBodyField = plainText("body", 100_000, { min: 20 });
export const dayField = z.iso.date({ error: "effectiveDate must be a date (YYYY-MM-DD)." });
