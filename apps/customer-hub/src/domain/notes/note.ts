// Client components import this file: types and constants only, no runtime imports.
import type { NoteRow } from "../../db/schema/notes.ts";

/** A note as the UI sees it: the row without the client's retry key. */
export type Note = Omit<NoteRow, "requestId">;

/** Longest note body accepted; the database enforces the same bound. */
export const NOTE_MAX_LENGTH = 4000;
