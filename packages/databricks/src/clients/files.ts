import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";

// Files API 2.0 (not in databricks-api-shapes.md; from Databricks' REST reference, read 2026-12:
// https://docs.databricks.com/api/files/v2/upload-file.md, …/create-directory.md,
// …/list-directory-contents.md, …/download-file.md and https://docs.databricks.com/api/files/v2/file.md):
// - PUT    /api/2.0/fs/files{file_path}?overwrite=   raw bytes (octet stream), up to 5 GiB, empty answer
// - GET    /api/2.0/fs/files{file_path}              the bytes; HEAD: metadata in headers only
// - DELETE /api/2.0/fs/files{file_path}
// - PUT    /api/2.0/fs/directories{directory_path}   creates it and its parents (mkdir -p), idempotent
// - GET    /api/2.0/fs/directories{directory_path}?page_size=&page_token=
//          → { contents: DirectoryEntry[], next_page_token? }, 404 when the directory does not exist
// Paths are absolute Unity Catalog volume paths, /Volumes/<catalog>/<schema>/<volume>/<path>.

const directoryEntrySchema = z.looseObject({
  path: z.string(),
  is_directory: z.boolean().optional(),
  file_size: z.number().optional(),
  last_modified: z.number().optional(),
  name: z.string().optional(),
});
const listingSchema = z.looseObject({
  contents: z.array(directoryEntrySchema).optional(),
  next_page_token: z.string().optional(),
});
const emptySchema = z.unknown();

/** One entry of a volume directory. */
export interface DirectoryEntry {
  path: string;
  isDirectory: boolean;
  /** Bytes; 0 for directories. */
  size: number;
}

/** A file's metadata from `HEAD`: its size in bytes and last modification time. */
export interface FileMetadata {
  size: number;
  lastModified: string | undefined;
}

const VOLUME_PATH = /^\/Volumes\/[^/]+\/[^/]+\/[^/]+(\/.*)?$/;

/** `/Volumes/c/s/v/a b.parquet` → `/Volumes/c/s/v/a%20b.parquet`: each segment encoded, slashes kept. */
function encodedPath(path: string): string {
  if (!VOLUME_PATH.test(path) || path.split("/").some((s) => s === "." || s === "..")) {
    throw new Error(`'${path}' is not an absolute volume path (/Volumes/<catalog>/<schema>/<volume>/…).`);
  }
  return path.split("/").map(encodeURIComponent).join("/");
}

/** The Files API over Unity Catalog volumes. */
export function files(client: WorkspaceClient) {
  return {
    /** Uploads `bytes` to `path` (replacing a file there unless `overwrite: false`). */
    async upload(path: string, bytes: Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
      await client.requestBytes({
        method: "PUT",
        path: `/api/2.0/fs/files${encodedPath(path)}`,
        query: { overwrite: options.overwrite ?? true },
        bytes,
        operation: `Upload ${path}`,
        // Overwriting with the same bytes is harmless; a refused create-only upload did no work.
        retry: true,
      });
    },

    /** The file's bytes. */
    async download(path: string): Promise<Uint8Array> {
      const answer = await client.requestBytes({
        method: "GET",
        path: `/api/2.0/fs/files${encodedPath(path)}`,
        operation: `Download ${path}`,
      });
      return answer.bytes;
    },

    /** The file's size and modification time, or undefined when there is no file at `path`. */
    async metadata(path: string): Promise<FileMetadata | undefined> {
      try {
        const answer = await client.requestBytes({
          method: "HEAD",
          path: `/api/2.0/fs/files${encodedPath(path)}`,
          operation: `File metadata of ${path}`,
        });
        return {
          size: Number(answer.headers.get("content-length") ?? 0),
          lastModified: answer.headers.get("last-modified") ?? undefined,
        };
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },

    async delete(path: string): Promise<void> {
      await client.requestBytes({
        method: "DELETE",
        path: `/api/2.0/fs/files${encodedPath(path)}`,
        operation: `Delete ${path}`,
      });
    },

    /** Creates the directory and any missing parents; succeeds when it exists already. */
    async createDirectory(path: string): Promise<void> {
      await client.request({
        method: "PUT",
        path: `/api/2.0/fs/directories${encodedPath(path)}`,
        response: emptySchema,
        operation: `Create directory ${path}`,
        retry: true, // idempotent
      });
    },

    /** Every entry of the directory (all pages); undefined when the directory does not exist. */
    async list(path: string): Promise<DirectoryEntry[] | undefined> {
      const entries: DirectoryEntry[] = [];
      let pageToken: string | undefined;
      do {
        let page: z.infer<typeof listingSchema>;
        try {
          page = await client.request({
            method: "GET",
            path: `/api/2.0/fs/directories${encodedPath(path)}`,
            query: { page_token: pageToken },
            response: listingSchema,
            operation: `List ${path}`,
          });
        } catch (error) {
          if ((error as { status?: number }).status === 404 && entries.length === 0) return undefined;
          throw error;
        }
        for (const entry of page.contents ?? []) {
          entries.push({
            path: entry.path,
            isDirectory: entry.is_directory ?? false,
            size: entry.file_size ?? 0,
          });
        }
        pageToken = page.next_page_token || undefined;
      } while (pageToken);
      return entries;
    },
  };
}

export type FilesClient = ReturnType<typeof files>;
