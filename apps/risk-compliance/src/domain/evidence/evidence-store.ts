import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where evidence files go: a local folder, or a Unity Catalog volume when one is bound. */
export interface EvidenceStore {
  kind: "local" | "volume";
  /** Stores the bytes under `key` (never overwriting) and returns the path it is at. */
  put(key: string, bytes: Uint8Array): Promise<string>;
  get(storagePath: string): Promise<Uint8Array>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Evidence files in a folder on this machine (local runs; the state dir's `evidence/`). */
export function localFolderStore(root: string): EvidenceStore {
  const resolve = (relative: string) => {
    if (!SAFE_KEY.test(relative) || relative.includes(".."))
      throw new Error(`Unsafe evidence path "${relative}".`);
    return path.join(root, relative);
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
      return key;
    },
    async get(storagePath) {
      return new Uint8Array(await readFile(resolve(storagePath)));
    },
  };
}
