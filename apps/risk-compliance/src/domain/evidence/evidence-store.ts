import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FilesClient } from "@appbase/databricks";

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

/**
 * Evidence files in a Unity Catalog volume (`/Volumes/<catalog>/<schema>/<volume>`), through the
 * Databricks Files API (@appbase/databricks `files`): uploaded create-only, so a key is never
 * overwritten; the stored path is the file's full volume path.
 */
export function volumeStore(files: FilesClient, volumePath: string): EvidenceStore {
  const within = (storagePath: string) => {
    if (!storagePath.startsWith(`${volumePath}/`))
      throw new Error(`"${storagePath}" is not in ${volumePath}.`);
    return storagePath;
  };
  return {
    kind: "volume",
    async put(key, bytes) {
      if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe evidence path "${key}".`);
      const target = `${volumePath}/${key}`;
      await files.upload(target, bytes, { overwrite: false });
      return target;
    },
    async get(storagePath) {
      return files.download(within(storagePath));
    },
  };
}
