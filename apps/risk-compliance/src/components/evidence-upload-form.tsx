"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addFileAction } from "../actions/cases.ts";
import { MAX_UPLOAD_BYTES } from "../domain/evidence/upload-limit.ts";

const FIELDS = ["title", "file", "content", "fileName", "contentType"] as const;
const invalid = (field: string, message: string): ActionFailure => ({
  kind: "invalid",
  message,
  fieldErrors: { [field]: [message] },
});

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Uploads a file as evidence (at most MAX_UPLOAD_BYTES); the server stores it and records its SHA-256. */
export function EvidenceUploadForm({ caseId, version }: { caseId: string; version: number }) {
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [stored, setStored] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0)
      return setFailure(invalid("file", "Pick a file to upload."));
    if (file.size > MAX_UPLOAD_BYTES)
      return setFailure(invalid("file", `Files may be at most ${MAX_UPLOAD_BYTES / 1024} KB.`));
    start(async () => {
      const result = await addFileAction({
        caseId,
        expectedVersion: version,
        title: String(data.get("title") ?? ""),
        fileName: file.name,
        contentType: file.type || "application/octet-stream",
        content: await base64Of(file),
      });
      if (!result.ok) {
        setFailure(result.error);
        setStored(null);
        return;
      }
      setFailure(null);
      setStored(`Stored (${result.data.storage}), sha256 ${result.data.sha256}`);
      form.reset();
      router.refresh();
    });
  };
  return (
    <form className="rc-form" aria-label="Upload evidence file" onSubmit={submit} noValidate>
      <label>
        File title <input name="title" maxLength={200} placeholder="e.g. Bank statement March" />
      </label>
      <FieldError failure={failure} field="title" />
      <label>
        File (at most {MAX_UPLOAD_BYTES / 1024} KB) <input name="file" type="file" />
      </label>
      <FieldError failure={failure} field="file" />
      <FieldError failure={failure} field="content" />
      <FieldError failure={failure} field="fileName" />
      <FieldError failure={failure} field="contentType" />
      <button className="ab-button" type="submit" disabled={pending}>
        {pending ? "Uploading…" : "Upload file"}
      </button>
      <FormError failure={failure} fields={FIELDS} />
      {failure?.kind === "conflict" && (
        <p className="ab-action-error" role="alert">
          {failure.message}
        </p>
      )}
      {stored && (
        <output className="rc-done" aria-live="polite">
          {stored}
        </output>
      )}
    </form>
  );
}
