"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useState, useTransition } from "react";
import { addNoteAction } from "../actions/notes.ts";
import { NOTE_MAX_LENGTH, type Note } from "../domain/notes/note.ts";
import { NoteItem } from "./note-editor.tsx";

/** Notes on a customer: add (idempotent per form submission), edit and delete with conflict detection. */
export function NotesPanel({
  customerId,
  notes,
  canWrite,
}: {
  customerId: string;
  notes: Note[];
  canWrite: boolean;
}) {
  const [body, setBody] = useState("");
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const add = () =>
    start(async () => {
      const result = await addNoteAction({ customerId, body, requestId });
      if (result.ok) {
        setBody("");
        setRequestId(crypto.randomUUID());
        setFailure(null);
      } else setFailure(result.error);
    });
  return (
    <section className="ch-card" aria-label="Notes">
      <h2>Notes</h2>
      {canWrite ? (
        <div className="ch-stack">
          <label className="ch-stack">
            <span>Add a note</span>
            {/* No maxlength attribute: the server is the judge, and says so next to the field. */}
            <textarea
              className="ab-textarea"
              name="body"
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={failure?.kind === "invalid" ? true : undefined}
              placeholder="What did you learn or agree with the customer?"
            />
          </label>
          <div className="ch-row" style={{ justifyContent: "space-between" }}>
            <span className={body.length > NOTE_MAX_LENGTH ? "ch-error" : "ab-muted"}>
              {body.length} / {NOTE_MAX_LENGTH}
            </span>
            <button className="ab-button" type="button" onClick={add} disabled={pending}>
              {pending ? "Saving…" : "Add note"}
            </button>
          </div>
          <FieldError failure={failure} field="body" />
          <FormError failure={failure} fields={["body"]} />
        </div>
      ) : (
        <p className="ab-muted">Your role can read notes but not write them (needs note.write).</p>
      )}
      {notes.length === 0 ? (
        <p className="ab-muted">No notes yet.</p>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {notes.map((note) => (
            <NoteItem key={`${note.id}:${note.version}`} note={note} canWrite={canWrite} />
          ))}
        </ul>
      )}
    </section>
  );
}
