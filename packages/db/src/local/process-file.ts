import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { z } from "zod";

/** `<stateDir>/lakebase/process.json`: written by the server once it accepts connections. */
export const processFileSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65_535),
  url: z.string().min(1),
  startedAt: z.iso.datetime(),
  dataDir: z.string().min(1),
  /** The branch host's control API (absent when written by an older server). */
  branchControlUrl: z.url().optional(),
});

export type ProcessFile = z.infer<typeof processFileSchema>;

/** Reads process.json; undefined when absent. A malformed file is reported with its path. */
export async function readProcessFile(file: string): Promise<ProcessFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; delete it if no local Lakebase is running.`);
  }
  const parsed = processFileSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(root)").join(", ");
    throw new Error(`${file} has invalid fields (${fields}); delete it if no local Lakebase is running.`);
  }
  return parsed.data;
}

/** Writes process.json atomically so a reader never sees half a file. */
export async function writeProcessFile(file: string, content: ProcessFile): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(processFileSchema.parse(content), null, 2)}\n`);
  await rename(temp, file);
}

/** Removes process.json, but only if it still describes `pid` (a newer server may own it). */
export async function removeProcessFile(file: string, pid?: number): Promise<void> {
  if (pid !== undefined) {
    const current = await readProcessFile(file).catch(() => undefined);
    if (current && current.pid !== pid) return;
  }
  await rm(file, { force: true });
}
