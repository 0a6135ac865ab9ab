import { type CaseMove, DISPOSITION_LABELS } from "../domain/cases/lifecycle.ts";
import { FormField } from "./action-form.tsx";

/** What each lifecycle move is called on a button or in a list. */
export const MOVE_LABELS: Record<CaseMove, string> = {
  start: "Start investigating",
  propose: "Propose closure",
  sendBack: "Send back",
  approve: "Approve closure (second reviewer)",
  close: "Close",
  reopen: "Reopen",
};

/** The move, disposition and note fields of a lifecycle form (on main or on a review branch). */
export function CaseMoveFields({ moves }: { moves: readonly CaseMove[] }) {
  return (
    <>
      <FormField name="move" label="Move">
        <select name="move">
          {moves.map((m) => (
            <option key={m} value={m}>
              {MOVE_LABELS[m]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField name="disposition" label="Disposition">
        <select name="disposition" defaultValue="">
          <option value="">(for propose / close)</option>
          {Object.entries(DISPOSITION_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </FormField>
      <FormField name="note" label="Rationale or reason">
        <textarea name="note" maxLength={4000} rows={2} placeholder="Rationale or reason" />
      </FormField>
    </>
  );
}
