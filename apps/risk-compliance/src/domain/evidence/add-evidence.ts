import { createHash, randomUUID } from "node:crypto";
import { type TransactionalDb as Database, inTransaction, rowOf } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import { type EvidenceRow, evidence } from "../../db/schema/evidence.ts";
import { changeCase, getCase } from "../cases/risk-case.ts";
import type { EvidenceStore } from "./evidence-store.ts";

export type Evidence = EvidenceRow;

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type EvidenceInput =
  | { kind: "note"; title: string; text: string }
  | { kind: "link"; title: string; url: string; text?: string }
  | { kind: "file"; title: string; fileName: string; contentType: string; bytes: Uint8Array; text?: string };

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * Adds evidence to a case (versioned, audited with its SHA-256). A file's bytes are stored first,
 * under a fresh key, so a failed transaction leaves at most an unreferenced file, never a row
 * pointing at nothing.
 */
export async function addEvidence(
  db: Database,
  store: EvidenceStore | null,
  input: { caseId: string; expectedVersion: number; actor: string; item: EvidenceInput },
): Promise<Evidence> {
  const { item } = input;
  const kase = await getCase(db, input.caseId);
  if (kase.status === "closed") throw new FieldRuleError("caseId", "Reopen the case before adding evidence.");
  let file: { fileName: string; contentType: string; size: number; path: string } | null = null;
  let digest: string;
  if (item.kind === "file") {
    if (!store) throw new Error("Files need an evidence store (a local folder or a bound volume).");
    if (item.bytes.byteLength === 0) throw new FieldRuleError("file", "The file is empty.");
    if (item.bytes.byteLength > MAX_FILE_BYTES)
      throw new FieldRuleError("file", "Files may be at most 10 MB.");
    digest = sha256(item.bytes);
    const safeName =
      item.fileName
        .replace(/[^A-Za-z0-9._-]/g, "_")
        .replace(/^[._-]+/, "")
        .slice(0, 100) || "file";
    const storedAt = await store.put(`${input.caseId}/${randomUUID()}-${safeName}`, item.bytes);
    file = {
      fileName: item.fileName,
      contentType: item.contentType,
      size: item.bytes.byteLength,
      path: storedAt,
    };
  } else {
    digest = sha256(item.kind === "note" ? item.text : item.url);
  }
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query(
      `insert into risk_compliance.evidence
         (case_id, kind, title, body, url, file_name, content_type, size_bytes, storage, storage_path, sha256, added_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning *`,
      [
        input.caseId,
        item.kind,
        item.title.trim(),
        item.kind === "note" ? item.text : (item.text ?? ""),
        item.kind === "link" ? item.url : null,
        file?.fileName ?? null,
        file?.contentType ?? null,
        file?.size ?? null,
        file && store ? store.kind : null,
        file?.path ?? null,
        digest,
        input.actor,
      ],
    );
    const added = rowOf(evidence, rows[0] as Record<string, unknown>);
    await changeCase(tx, {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      actor: input.actor,
      action: "evidence-added",
      changes: {},
      extra: [
        {
          action: "evidence-added",
          field: "evidence",
          newValue: { id: added.id, kind: added.kind, title: added.title, sha256: digest },
        },
      ],
    });
    return added;
  });
}

/** The evidence of a case, oldest first. */
export async function listEvidence(db: Database, caseId: string): Promise<Evidence[]> {
  const { rows } = await db.query(
    "select * from risk_compliance.evidence where case_id = $1 order by added_at, id",
    [caseId],
  );
  return rows.map((r) => rowOf(evidence, r));
}
