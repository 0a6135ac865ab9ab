import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { DatasetTable, GenerateOptions } from "../types.ts";
import { type Format, serializeDataset } from "./chunks.ts";

export interface WriteDatasetOptions extends GenerateOptions {
  format: Format;
  /** A file path (parent folders are created) or an open writable stream (left open). */
  to: string | Writable;
  /** Called after each chunk with rows written so far and the table's total. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off("drain", onDrain);
      out.off("error", onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    out.on("drain", onDrain);
    out.on("error", onError);
  });
}

/** Streams one table to a file or stream as CSV or JSONL, honouring backpressure. */
export async function writeDataset(
  table: DatasetTable,
  options: WriteDatasetOptions,
): Promise<{ rows: number; bytes: number }> {
  const rowsTotal = table.defaultRows(options.scale);
  const ownsStream = typeof options.to === "string";
  if (typeof options.to === "string") await mkdir(dirname(options.to), { recursive: true });
  const out = typeof options.to === "string" ? createWriteStream(options.to) : options.to;
  let rows = 0;
  let bytes = 0;
  try {
    options.onProgress?.(0, rowsTotal);
    for (const chunk of serializeDataset(table, options, options.format)) {
      rows = chunk.rowsDone;
      bytes += Buffer.byteLength(chunk.text);
      if (!out.write(chunk.text)) await waitForDrain(out);
      options.onProgress?.(rows, rowsTotal);
    }
  } finally {
    if (ownsStream) {
      out.end();
      await finished(out);
    }
  }
  return { rows, bytes };
}
