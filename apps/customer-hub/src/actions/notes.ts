"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addNote, deleteNote, editNote } from "../domain/notes/notes.ts";
import { db, defineAction } from "../server/kit.ts";
import {
  noteBodyField as body,
  customerIdField,
  noteIdField,
  requestIdField,
  versionField,
} from "./fields.ts";

/** Adds a note to a customer (idempotent per requestId). */
export const addNoteAction = defineAction({
  permission: "note.write",
  input: z.object({ customerId: customerIdField, body, requestId: requestIdField }),
  handler: async (input, { identity }) => {
    const note = await addNote(await db(), { ...input, actor: identity });
    revalidatePath(`/customers/${input.customerId}`);
    return note;
  },
});

/** Saves a new text for a note, refused with a conflict if someone saved since `expectedVersion`. */
export const editNoteAction = defineAction({
  permission: "note.write",
  input: z.object({ customerId: customerIdField, noteId: noteIdField, body, expectedVersion: versionField }),
  handler: async (input, { identity }) => {
    const note = await editNote(await db(), { ...input, actor: identity });
    revalidatePath(`/customers/${input.customerId}`);
    return note;
  },
});

/** Deletes a note the user has seen at `expectedVersion`. */
export const deleteNoteAction = defineAction({
  permission: "note.write",
  input: z.object({ customerId: customerIdField, noteId: noteIdField, expectedVersion: versionField }),
  handler: async (input, { identity }) => {
    const removed = await deleteNote(await db(), { ...input, actor: identity });
    revalidatePath(`/customers/${input.customerId}`);
    return removed;
  },
});
