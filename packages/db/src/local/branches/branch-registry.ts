import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const isoTime = z.iso.datetime({ offset: true });

const branchRecord = z.object({
  name: z.string().min(1).max(63),
  parent: z.string().min(1).max(63),
  createdAt: isoTime,
  /** The parent's state the branch started from (the creation time, or the snapshot used for a point in time). */
  sourceTime: isoTime,
  expireTime: isoTime.optional(),
  port: z.number().int().min(1).max(65_535),
});

const snapshotRecord = z.object({
  branch: z.string().min(1).max(63),
  takenAt: isoTime,
  /** `pg_current_wal_lsn()` when taken: a periodic snapshot is skipped when it has not moved. */
  lsn: z.string().max(40),
  file: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  reason: z.enum(["periodic", "manual", "before-restore", "before-reset"]),
});

const registrySchema = z.object({
  version: z.literal(1),
  branches: z.array(branchRecord),
  snapshots: z.array(snapshotRecord),
});

export type BranchRecord = z.infer<typeof branchRecord>;
export type SnapshotRecord = z.infer<typeof snapshotRecord>;
export type BranchRegistry = z.infer<typeof registrySchema>;

/** `<dir>/registry.json`: the branches and snapshots of one local Lakebase; survives restarts. */
export async function readRegistry(dir: string): Promise<BranchRegistry> {
  const file = path.join(dir, "registry.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return { version: 1, branches: [], snapshots: [] };
    throw error;
  }
  const parsed = registrySchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(root)").join(", ");
    throw new Error(
      `${file} has invalid fields (${fields}); fix or remove it (its branches' data stays in ${dir}).`,
    );
  }
  return parsed.data;
}

/** Writes the registry atomically, so a crash never leaves half a file. */
export async function writeRegistry(dir: string, registry: BranchRegistry): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "registry.json");
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(registrySchema.parse(registry), null, 2)}\n`);
  await rename(temp, file);
}
