import type { DatasetTable, GenerateOptions } from "../types.ts";
import { csvHeader, csvLine } from "./csv.ts";
import { jsonlLine } from "./jsonl.ts";

export type Format = "csv" | "jsonl";

export interface Chunk {
  text: string;
  /** Rows serialized so far, including this chunk. */
  rowsDone: number;
}

/** Target chunk size: large enough to amortize writes, small enough to keep memory flat. */
const CHUNK_CHARS = 64 * 1024;

/** Serializes a table as CSV or JSONL in ~64 KB text chunks, lazily (constant memory at any scale). */
export function* serializeDataset(
  table: DatasetTable,
  options: GenerateOptions,
  format: Format,
): Generator<Chunk> {
  let text = format === "csv" ? csvHeader(table.columns) : "";
  let rowsDone = 0;
  for (const row of table.rows(options)) {
    text += format === "csv" ? csvLine(table.columns, row) : jsonlLine(table.columns, row);
    rowsDone++;
    if (text.length >= CHUNK_CHARS) {
      yield { text, rowsDone };
      text = "";
    }
  }
  if (text.length > 0 || rowsDone === 0) yield { text, rowsDone };
}
