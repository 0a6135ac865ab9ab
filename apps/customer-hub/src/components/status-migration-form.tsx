"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { prepareStatusMigrationAction } from "../actions/status-migrations.ts";
import { WORKFLOW_STATUSES } from "../domain/status/workflow.ts";

const FIELDS = ["from", "to", "segment", "churnRiskBand", "note"];
type Option = { value: string; label: string };

/** A lead's bulk status change, prepared on a branch; the review page opens when it is ready. */
export function StatusMigrationForm(props: { segments: readonly Option[]; bands: readonly Option[] }) {
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const select = (name: string, label: string, options: readonly Option[], anyLabel?: string) => (
    <label>
      {label}
      <select className="ab-select" name={name} defaultValue="">
        <option value="" disabled={!anyLabel}>
          {anyLabel ?? "Choose…"}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError failure={failure} field={name} />
    </label>
  );
  const statuses = WORKFLOW_STATUSES.map((s) => ({ value: s, label: s }));
  return (
    <form
      className="ch-stack"
      aria-label="Prepare a status migration"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        start(async () => {
          const result = await prepareStatusMigrationAction(data);
          setFailure(result.ok ? null : result.error);
          if (result.ok) router.push(`/status-migrations/${result.data.branch}`);
        });
      }}
    >
      {select("from", "Customers now", statuses)}
      {select("to", "Move to", statuses)}
      {select("segment", "Segment", props.segments, "All segments")}
      {select("churnRiskBand", "Churn risk", props.bands, "All bands")}
      <label>
        Why (recorded with each move)
        <textarea className="ab-input" name="note" maxLength={500} rows={2} />
        <FieldError failure={failure} field="note" />
      </label>
      <button className="ab-button" type="submit" disabled={pending}>
        {pending ? "Preparing on a branch…" : "Prepare preview"}
      </button>
      <FormError failure={failure} fields={FIELDS} />
    </form>
  );
}
