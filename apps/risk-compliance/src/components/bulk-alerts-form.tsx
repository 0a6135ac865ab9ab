"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { bulkAssignAlertsAction, bulkDismissAlertsAction } from "../actions/alerts.ts";
import type { DISMISS_RESOLUTIONS } from "../domain/alerts/alert-queue.ts";

type DismissResolution = (typeof DISMISS_RESOLUTIONS)[number];
const text = (data: FormData, name: string) => String(data.get(name) ?? "");

/** The id of the form the queue table's checkboxes (`name="item"`, value `id:version`) belong to. */
export const BULK_FORM_ID = "bulk-alerts";
const FIELDS = ["items", "assignee", "resolution", "note"] as const;

/** A lead assigns or dismisses the alerts ticked in the queue, each at the version the lead saw. */
export function BulkAlertsForm({ resolutions }: { resolutions: readonly string[] }) {
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [outcome, setOutcome] = useState<{ done: string; refused: { id: string; reason: string }[] } | null>(
    null,
  );
  const [pending, start] = useTransition();
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    const items = data.getAll("item").map((v) => {
      const [id = "", version = ""] = String(v).split(":");
      return { id, version };
    });
    start(async () => {
      const result =
        intent === "dismiss"
          ? await bulkDismissAlertsAction({
              items,
              // The server validates both; a missing choice comes back as a field error.
              resolution: text(data, "resolution") as DismissResolution,
              note: text(data, "note"),
            })
          : await bulkAssignAlertsAction({ items, assignee: text(data, "assignee") });
      if (!result.ok) {
        setFailure(result.error);
        setOutcome(null);
        return;
      }
      setFailure(null);
      const count = "assigned" in result.data ? result.data.assigned : result.data.dismissed;
      setOutcome({
        done: `${intent === "dismiss" ? "Dismissed" : "Assigned"} ${count} alert(s).`,
        refused: result.data.refused,
      });
      form.reset();
      router.refresh();
    });
  };
  return (
    <form
      id={BULK_FORM_ID}
      className="rc-card rc-form"
      aria-label="Bulk actions"
      onSubmit={submit}
      noValidate
    >
      <h2>Bulk actions (leads)</h2>
      <p className="rc-muted">Tick alerts in the queue, then assign them to an analyst or dismiss them.</p>
      <FieldError failure={failure} field="items" />
      <div className="rc-row">
        <label>
          Assignee{" "}
          <input name="assignee" type="email" maxLength={200} placeholder="ben.analyst@example.com" />
        </label>
        <button className="ab-button" type="submit" name="intent" value="assign" disabled={pending}>
          Assign selected
        </button>
      </div>
      <FieldError failure={failure} field="assignee" />
      <div className="rc-row">
        <label>
          Resolution{" "}
          <select name="resolution" defaultValue="">
            <option value="">(choose)</option>
            {resolutions.map((r) => (
              <option key={r} value={r}>
                {r.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note <input name="note" maxLength={2000} placeholder="Why these are closed" />
        </label>
        <button
          className="ab-button ab-button--secondary"
          type="submit"
          name="intent"
          value="dismiss"
          disabled={pending}
        >
          Dismiss selected
        </button>
      </div>
      <FieldError failure={failure} field="resolution" />
      <FieldError failure={failure} field="note" />
      <FormError failure={failure} fields={FIELDS} />
      {outcome && (
        <output className="rc-done" aria-live="polite">
          {outcome.done}
          {outcome.refused.length > 0 && (
            <ul className="rc-list">
              {outcome.refused.map((r) => (
                <li key={r.id}>
                  Not changed: {r.id.slice(0, 8)} · {r.reason}
                </li>
              ))}
            </ul>
          )}
        </output>
      )}
    </form>
  );
}
