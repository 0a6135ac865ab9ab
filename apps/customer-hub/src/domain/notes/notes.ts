import type { Queryable } from "@appbase/db";
import { rowOf } from "@appbase/db";
import { ConflictError, NotFoundError } from "@appbase/next-kit/errors";
import { notes } from "../../db/schema/notes.ts";
import { assertCustomerVisible, type Viewer } from "../customers/access.ts";
import { firstOfRequest } from "../retried-request.ts";
import type { Note } from "./note.ts";

/** A whole `customer_hub.notes` row (`select *` / `returning *`) as a Note. */
function toNote(row: Record<string, unknown>): Note {
  const { requestId: _retryKey, ...note } = rowOf(notes, row);
  return note;
}

/** Notes on a customer, newest first. */
export async function listNotes(db: Queryable, customerId: string): Promise<Note[]> {
  const { rows } = await db.query(
    `select * from customer_hub.notes where customer_id = $1 order by created_at desc, id`,
    [customerId],
  );
  return rows.map(toNote);
}

/** Adds a note; retrying with the same `requestId` returns the first note instead of adding another. */
export async function addNote(
  db: Queryable,
  input: { customerId: string; body: string; requestId: string; actor: Viewer },
): Promise<Note> {
  await assertCustomerVisible(db, input.actor, input.customerId);
  const { rows } = await db.query(
    `with added as (
       insert into customer_hub.notes (customer_id, body, request_id, author_email, updated_by)
       values ($1, $2, $3, $4, $4) on conflict (request_id) do nothing returning *),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, $4, 'note.added', jsonb_build_object('noteId', id, 'excerpt', left(body, 80)) from added)
     select * from added`,
    [input.customerId, input.body, input.requestId, input.actor.email],
  );
  if (rows[0]) return toNote(rows[0]);
  return toNote(await firstOfRequest(db, "notes", input));
}

/** A note change names the note and the customer it is on; the actor must work that customer. */
interface NoteChange {
  customerId: string;
  noteId: string;
  expectedVersion: number;
  actor: Viewer;
}

/**
 * Replaces a note's text if it is still at `expectedVersion`. A stale edit gets a ConflictError carrying
 * the note as it is now, so the user can merge instead of overwriting someone else's change. A note of
 * another customer is not found here, whatever its id.
 */
export async function editNote(db: Queryable, input: NoteChange & { body: string }): Promise<Note> {
  await assertCustomerVisible(db, input.actor, input.customerId);
  const { rows } = await db.query(
    `with edited as (
       update customer_hub.notes set body = $2, version = version + 1, updated_by = $4, updated_at = now()
        where id = $1 and version = $3 and customer_id = $5 returning *),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, $4, 'note.edited', jsonb_build_object('noteId', id, 'version', version, 'excerpt', left(body, 80))
                  from edited)
     select * from edited`,
    [input.noteId, input.body, input.expectedVersion, input.actor.email, input.customerId],
  );
  if (rows[0]) return toNote(rows[0]);
  throw await staleNote(db, input);
}

/** Deletes a note if it is still at `expectedVersion` (so nobody deletes text they have not seen). */
export async function deleteNote(db: Queryable, input: NoteChange): Promise<{ id: string }> {
  await assertCustomerVisible(db, input.actor, input.customerId);
  const { rows } = await db.query<{ id: string }>(
    `with removed as (delete from customer_hub.notes where id = $1 and version = $2 and customer_id = $4
                      returning id, customer_id, body),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, $3, 'note.deleted', jsonb_build_object('noteId', id, 'excerpt', left(body, 80)) from removed)
     select id from removed`,
    [input.noteId, input.expectedVersion, input.actor.email, input.customerId],
  );
  if (rows[0]) return rows[0];
  throw await staleNote(db, input);
}

/** Why a change missed: the note is gone (or on another customer, which reads the same), or it moved on. */
async function staleNote(db: Queryable, input: { customerId: string; noteId: string }): Promise<Error> {
  const { rows } = await db.query(`select * from customer_hub.notes where id = $1 and customer_id = $2`, [
    input.noteId,
    input.customerId,
  ]);
  if (!rows[0])
    return new NotFoundError(
      `This note is not on ${input.customerId} any more; someone deleted it. Reload to see the current notes.`,
    );
  const current = toNote(rows[0]);
  return new ConflictError(
    `${current.updatedBy} changed this note meanwhile (now version ${current.version}). Review their text, then save again.`,
    current,
  );
}
