import { join } from "node:path";
import { datasets } from "../registry.ts";
import type { DatasetTable, GenerateOptions } from "../types.ts";
import type { Format } from "./chunks.ts";
import { writeDataset } from "./write-dataset.ts";

export interface WriteDatasetsOptions extends GenerateOptions {
  format: Format;
  /** Output folder; each table goes to `<dir>/<domain>/<table>.<csv|jsonl>`. */
  dir: string;
  /** Tables to write (default: all, in load order). */
  tables?: readonly DatasetTable[];
  onProgress?: (event: { table: string; rowsDone: number; rowsTotal: number }) => void;
}

/** Writes several tables into a folder tree, one file per table; returns what was written. */
export async function writeDatasets(
  options: WriteDatasetsOptions,
): Promise<Array<{ table: string; path: string; rows: number; bytes: number }>> {
  const written: Array<{ table: string; path: string; rows: number; bytes: number }> = [];
  for (const table of options.tables ?? datasets) {
    const qualified = `${table.domain}.${table.name}`;
    const path = join(options.dir, table.domain, `${table.name}.${options.format}`);
    const result = await writeDataset(table, {
      seed: options.seed,
      scale: options.scale,
      epoch: options.epoch,
      format: options.format,
      to: path,
      onProgress: (rowsDone, rowsTotal) => options.onProgress?.({ table: qualified, rowsDone, rowsTotal }),
    });
    written.push({ table: qualified, path, ...result });
  }
  return written;
}
