"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { prepareSiteChangeAction } from "../actions/site-changes.ts";
import type { TechnicianOption } from "./planning-selects.tsx";

const FIELDS = ["kind", "siteId", "fromAssigneeId", "toAssigneeId", "days", "note"];

/** A planner's bulk change for one site, prepared on a branch; the review page opens when it is ready. */
export function SiteChangeForm(props: {
  sites: { id: string; name: string }[];
  technicians: readonly TechnicianOption[];
}) {
  const router = useRouter();
  const [kind, setKind] = useState<"reassign" | "reschedule">("reassign");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const technicianSelect = (name: string, label: string) => (
    <label>
      {label}
      <select className="ab-select" name={name} defaultValue="">
        <option value="" disabled>
          Choose…
        </option>
        {props.technicians.map((t) => (
          <option key={t.id} value={t.id}>
            {t.displayName}
          </option>
        ))}
      </select>
      <FieldError failure={failure} field={name} />
    </label>
  );
  return (
    <form
      className="op-form"
      aria-label="Prepare a site change"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        start(async () => {
          const result = await prepareSiteChangeAction(data);
          setFailure(result.ok ? null : result.error);
          if (result.ok) router.push(`/site-changes/${result.data.branch}`);
        });
      }}
    >
      <label>
        Change
        <select
          className="ab-select"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as "reassign" | "reschedule")}
        >
          <option value="reassign">Reassign a site's open work orders</option>
          <option value="reschedule">Reschedule a site's preventive maintenance</option>
        </select>
      </label>
      <label>
        Site
        <select className="ab-select" name="siteId" defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {props.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.id})
            </option>
          ))}
        </select>
        <FieldError failure={failure} field="siteId" />
      </label>
      {kind === "reassign" ? (
        <>
          {technicianSelect("fromAssigneeId", "From technician")}
          {technicianSelect("toAssigneeId", "To technician")}
        </>
      ) : (
        <label>
          Move by days (negative: earlier)
          <input
            className="ab-input"
            name="days"
            type="number"
            min={-90}
            max={90}
            step={1}
            defaultValue={7}
          />
          <FieldError failure={failure} field="days" />
        </label>
      )}
      <label>
        Why (for the reviewers)
        <textarea className="ab-input" name="note" maxLength={500} rows={2} />
        <FieldError failure={failure} field="note" />
      </label>
      <FormError failure={failure} fields={FIELDS} />
      <button className="ab-button" type="submit" disabled={pending}>
        {pending ? "Preparing on a branch…" : "Prepare preview"}
      </button>
    </form>
  );
}
