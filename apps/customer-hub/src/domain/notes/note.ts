/** A note as the UI sees it. */
export interface Note {
  id: string;
  customerId: string;
  body: string;
  version: number;
  authorEmail: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Longest note body accepted; the database enforces the same bound. */
export const NOTE_MAX_LENGTH = 4000;

export interface NoteRecord {
  id: string;
  customer_id: string;
  body: string;
  version: number;
  author_email: string;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Maps a `customer_hub.notes` row to a Note. */
export function toNote(row: NoteRecord): Note {
  return {
    id: row.id,
    customerId: row.customer_id,
    body: row.body,
    version: row.version,
    authorEmail: row.author_email,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const NOTE_COLUMNS =
  "id, customer_id, body, version, author_email, updated_by, created_at, updated_at";
