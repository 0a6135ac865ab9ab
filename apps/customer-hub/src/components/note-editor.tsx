"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useState, useTransition } from "react";
import { deleteNoteAction, editNoteAction } from "../actions/notes.ts";
import type { Note } from "../domain/notes/note.ts";

/** One note with edit and delete; a stale save shows the other person's text and lets the user choose. */
export function NoteItem({ note, canWrite }: { note: Note; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const [baseVersion, setBaseVersion] = useState(note.version);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const theirs = failure?.kind === "conflict" ? (failure.current as Note | null) : null;

  const save = (expectedVersion: number) =>
    start(async () => {
      const result = await editNoteAction({
        customerId: note.customerId,
        noteId: note.id,
        body: draft,
        expectedVersion,
      });
      if (result.ok) {
        setEditing(false);
        setFailure(null);
        setBaseVersion(result.data.version);
      } else setFailure(result.error);
    });
  const remove = () =>
    start(async () => {
      const result = await deleteNoteAction({
        customerId: note.customerId,
        noteId: note.id,
        expectedVersion: baseVersion,
      });
      if (!result.ok) setFailure(result.error);
    });

  return (
    <li className="ch-note" data-note-id={note.id}>
      <div className="ch-note__meta">
        {note.authorEmail} · {new Date(note.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC ·
        version {note.version}
        {note.updatedBy !== note.authorEmail ? ` · last edited by ${note.updatedBy}` : ""}
      </div>
      {editing ? (
        <div className="ch-stack">
          <label>
            <span className="ab-sr-only">Note text</span>
            <textarea
              className="ab-textarea"
              name="body"
              rows={3}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>
          <FieldError failure={failure} field="body" />
          {theirs ? (
            <div className="ab-conflict" role="alert" data-conflict>
              <p className="ab-conflict__title">Someone else changed this note while you were editing</p>
              <p>
                {theirs.updatedBy} saved version {theirs.version}: <q>{theirs.body}</q>. Your text was not
                saved.
              </p>
              <div className="ch-row">
                <button
                  className="ab-button ab-button--secondary"
                  type="button"
                  onClick={() => {
                    setDraft(theirs.body);
                    setBaseVersion(theirs.version);
                    setFailure(null);
                  }}
                >
                  Use their version
                </button>
                <button
                  className="ab-button ab-button--danger"
                  type="button"
                  disabled={pending}
                  onClick={() => save(theirs.version)}
                >
                  Save mine over theirs
                </button>
              </div>
            </div>
          ) : null}
          <FormError failure={failure} fields={["body"]} />
          <div className="ch-row">
            <button className="ab-button" type="button" disabled={pending} onClick={() => save(baseVersion)}>
              {pending ? "Saving…" : "Save"}
            </button>
            <button
              className="ab-button ab-button--secondary"
              type="button"
              onClick={() => setEditing(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="ch-note__body">{note.body}</p>
          {failure && failure.kind !== "invalid" ? (
            <p className="ch-error" role="alert">
              {failure.message}
            </p>
          ) : null}
          {canWrite ? (
            <div className="ch-row">
              <button
                className="ab-button ab-button--secondary ab-button--compact"
                type="button"
                onClick={() => setEditing(true)}
              >
                Edit
              </button>
              <button
                className="ab-button ab-button--secondary ab-button--compact"
                type="button"
                disabled={pending}
                onClick={remove}
              >
                Delete
              </button>
            </div>
          ) : null}
        </>
      )}
    </li>
  );
}
