import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "./process-alive.ts";

/** Data folders this process has open (a pid check cannot tell two instances in one process apart). */
const lockedHere = new Set<string>();

/**
 * Claims a data folder for this process. Two PGlite instances writing one folder corrupt it, so a
 * second server must fail fast instead; a lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  const lockFile = `${path.resolve(dataDir)}.lock`;
  if (lockedHere.has(lockFile)) throw inUse(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: "wx" });
      lockedHere.add(lockFile);
      return async () => {
        lockedHere.delete(lockFile);
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner))
        throw inUse(dataDir, owner);
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: remove ${lockFile} if no local Lakebase is running.`);
}

function inUse(dataDir: string, pid: number): Error {
  return new Error(
    `The local Lakebase data folder ${dataDir} is in use by process ${pid}. ` +
      "Stop that process (`pnpm appbase lakebase stop`) before starting another server on the same data.",
  );
}
