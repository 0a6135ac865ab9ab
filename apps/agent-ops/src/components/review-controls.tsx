"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { useState, useTransition } from "react";
import { claimReviewAction, decideReviewAction } from "../actions/review.ts";

function message(failure: ActionFailure): string {
  if (failure.kind !== "invalid") return failure.message;
  return Object.values(failure.fieldErrors).flat()[0] ?? failure.message;
}

type ArgValue = string | number | boolean;

// The reviewer types text; numbers and switches go back as the types the tool's schema expects.
function typed(original: ArgValue, text: string): ArgValue {
  if (typeof original === "number") return Number(text);
  if (typeof original === "boolean") return text === "true";
  return text;
}

/** Claim button for an open item, or the decision form for an item the viewer holds. */
export function ReviewControls(props: {
  itemId: string;
  version: number;
  heldByViewer: boolean;
  canClaim: boolean;
  canDecide: boolean;
  /** The proposed call's plain arguments, editable when the item is an agent's paused call. */
  editableArgs?: Record<string, ArgValue>;
}) {
  const [decision, setDecision] = useState<"approve" | "reject" | "edit">("approve");
  const [rationale, setRationale] = useState("");
  const editable = props.editableArgs ?? {};
  const [edits, setEdits] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, String(v)])),
  );
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const claim = () =>
    start(async () => {
      const result = await claimReviewAction({ itemId: props.itemId });
      setFailure(result.ok ? null : result.error);
    });
  const decide = () =>
    start(async () => {
      const result = await decideReviewAction({
        itemId: props.itemId,
        expectedVersion: props.version,
        decision,
        rationale,
        ...(decision === "edit"
          ? {
              editedArgs: Object.fromEntries(
                Object.entries(editable).map(([k, v]) => [k, typed(v, edits[k] ?? String(v))]),
              ),
            }
          : {}),
      });
      if (result.ok) {
        setFailure(null);
        setDone(result.data.run ? `Decided; the run is now ${result.data.run.status}.` : "Decided.");
      } else setFailure(result.error);
    });
  if (done) return <p role="status">{done}</p>;
  return (
    <div className="ao-stack">
      {props.heldByViewer && props.canDecide ? (
        <form
          aria-label="Decide"
          className="ao-stack"
          onSubmit={(event) => {
            event.preventDefault();
            decide();
          }}
        >
          <label>
            <span>Decision</span>
            <select
              className="ab-input"
              name="decision"
              value={decision}
              onChange={(e) => setDecision(e.target.value as typeof decision)}
            >
              <option value="approve">Approve</option>
              <option value="reject">Reject</option>
              {Object.keys(editable).length > 0 ? <option value="edit">Edit arguments</option> : null}
            </select>
          </label>
          {decision === "edit"
            ? Object.keys(editable).map((name) => (
                <label key={name}>
                  <span>{name}</span>
                  <input
                    className="ab-input"
                    name={`arg-${name}`}
                    value={edits[name] ?? ""}
                    onChange={(e) => setEdits((current) => ({ ...current, [name]: e.target.value }))}
                  />
                </label>
              ))
            : null}
          <label>
            <span>Rationale</span>
            <textarea
              className="ab-input"
              name="rationale"
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
            />
          </label>
          <button className="ab-button" type="submit" disabled={pending}>
            Submit decision
          </button>
        </form>
      ) : props.canClaim ? (
        <button className="ab-button ab-button--secondary" type="button" onClick={claim} disabled={pending}>
          Claim
        </button>
      ) : null}
      {failure ? (
        <p role="alert" className="ao-error">
          {message(failure)}
        </p>
      ) : null}
    </div>
  );
}
