"use server";

import { FieldRuleError } from "@appbase/next-kit/errors";
import { plainText } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dispositionSchema } from "../domain/cases/lifecycle.ts";
import { moveCase } from "../domain/cases/move-case.ts";
import { addEvidence } from "../domain/evidence/add-evidence.ts";
import { MAX_UPLOAD_BYTES } from "../domain/evidence/upload-limit.ts";
import { indexEvidence } from "../domain/policies/evidence-search.ts";
import { hasRetrieval } from "../domain/policies/policy-versions.ts";
import { kitEmbedder } from "../server/embedder.ts";
import { kitEvidenceStore } from "../server/evidence-store.ts";
import { kitGovernance } from "../server/governance.ts";
import { can, db, defineAction } from "../server/kit.ts";
import { caseIdField, evidenceTextField, noteField, titleField, versionField } from "./fields.ts";

const MOVES = ["start", "propose", "sendBack", "approve", "close", "reopen"] as const;

/** Moves a case through its lifecycle; approving a proposed closure needs case.decide (and is four-eyes in the domain). */
export const moveCaseAction = defineAction({
  permission: "case.investigate",
  input: z.object({
    caseId: caseIdField,
    expectedVersion: versionField,
    move: z.enum(MOVES, { error: `move must be one of ${MOVES.join(", ")}.` }),
    disposition: dispositionSchema.optional(),
    note: noteField.optional(),
  }),
  handler: async (input, { identity }) => {
    if ((input.move === "approve" || input.move === "sendBack") && !can(identity, "case.decide")) {
      throw new FieldRuleError(
        "move",
        "Approving or sending back a proposed closure needs a senior reviewer (case.decide).",
      );
    }
    const { governance } = await kitGovernance();
    const kase = await moveCase(await db(), { ...input, actor: identity.email }, governance);
    revalidatePath(`/cases/${kase.id}`);
    return { status: kase.status, version: kase.version };
  },
});

/** Uploads a file to a case as evidence: stored in the bound volume or the local folder, SHA-256 recorded. */
export const addFileAction = defineAction({
  permission: "evidence.write",
  input: z.object({
    caseId: caseIdField,
    expectedVersion: versionField,
    title: titleField,
    fileName: plainText("fileName", 200, { min: 1 }),
    contentType: z
      .string({ error: "contentType is required." })
      .max(100, "contentType can be at most 100 characters.")
      .regex(/^[\w.+-]+\/[\w.+-]+$/, "contentType must be a media type such as application/pdf."),
    content: z
      .base64({ error: "file must be sent as base64; pick the file again." })
      .min(1, "Pick a file to upload.")
      .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, `Files may be at most ${MAX_UPLOAD_BYTES / 1024} KB.`),
  }),
  handler: async (input, { identity }) => {
    const added = await addEvidence(await db(), kitEvidenceStore(), {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      actor: identity.email,
      item: {
        kind: "file",
        title: input.title,
        fileName: input.fileName,
        contentType: input.contentType,
        bytes: new Uint8Array(Buffer.from(input.content, "base64")),
      },
    });
    revalidatePath(`/cases/${input.caseId}`);
    return { id: added.id, sha256: added.sha256, storage: added.storage };
  },
});

/** Adds a note to a case as evidence (SHA-256 recorded, audited). */
export const addNoteAction = defineAction({
  permission: "evidence.write",
  input: z.object({
    caseId: caseIdField,
    expectedVersion: versionField,
    title: titleField,
    text: evidenceTextField,
  }),
  handler: async (input, { identity }) => {
    const added = await addEvidence(await db(), null, {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      actor: identity.email,
      item: { kind: "note", title: input.title, text: input.text },
    });
    const pool = await db();
    // The note becomes searchable for "similar past cases" (where pgvector is).
    if (await hasRetrieval(pool)) await indexEvidence(pool, kitEmbedder());
    revalidatePath(`/cases/${input.caseId}`);
    return { id: added.id, sha256: added.sha256 };
  },
});
