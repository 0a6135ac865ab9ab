import { calendarDay, emailAddress, plainText, versionNumber } from "@appbase/next-kit/fields";
import { z } from "zod";

// Shared input fields of this kit's actions (not an action file: it exports schemas, not actions).

export const alertIdField = z.uuid({ error: "alertId must be the id of an alert; reload the page." });
export const caseIdField = z.uuid({ error: "caseId must be the id of a case; reload the page." });
export const versionField = versionNumber();
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
export const dayField = calendarDay("effectiveDate");
export const assigneeField = emailAddress("assignee");
