import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

/**
 * The data folder of a live PGlite as a tarball. It runs between statements (PGlite's query lock),
 * so it holds every committed transaction; one left open by a client is rolled back when the
 * tarball is loaded (Postgres crash recovery from the copied WAL).
 */
export function dumpLive(pglite: PGlite, compression: "none" | "gzip" = "none"): Promise<Blob> {
  return pglite.dumpDataDir(compression);
}

/** Writes a tarball to `file` and returns its size. */
export async function writeSnapshotFile(file: string, data: Blob): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const bytes = new Uint8Array(await data.arrayBuffer());
  await writeFile(file, bytes);
  return bytes.byteLength;
}

/** Reads a snapshot tarball back as a Blob PGlite can load. */
export async function readSnapshotFile(file: string): Promise<Blob> {
  // PGlite decompresses a tarball only when its type says gzip.
  return new Blob([await readFile(file)], {
    type: file.endsWith(".gz") ? "application/gzip" : "application/x-tar",
  });
}
