import { apiError, ok, type RouteModule, type RouteReply } from "../route.ts";

// The Files API 2.0 over Unity Catalog volumes (see clients/files.ts for the documented shapes and
// their source). A path outside a volume that exists is 404, as a volume must be created first
// (CREATE VOLUME); uploads create missing parent directories, as object storage does.

interface StoredFile {
  bytes: Buffer;
  modified: number;
}

export interface FileRoutes {
  routes: RouteModule[];
  /** Makes `catalog.schema.volume` exist (what `CREATE VOLUME` does on a warehouse). */
  addVolume(fullName: string): void;
  /** The bytes at an absolute volume path, or undefined. */
  file(path: string): Buffer | undefined;
  /** Every file path stored, sorted. */
  paths(): string[];
}

const PAGE_SIZE = 1000;

/** `/Volumes/c/s/v/...` → `c.s.v`, or undefined for a path that is not in a volume. */
function volumeOf(path: string): string | undefined {
  const match = /^\/Volumes\/([^/]+)\/([^/]+)\/([^/]+)(\/|$)/.exec(path);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
}

function parentsOf(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(5, -1).map((_, i) => parts.slice(0, 5 + i + 1).join("/"));
}

/** Files and directories of volumes, with `PUT`/`GET`/`HEAD`/`DELETE` files and `PUT`/`GET`/`HEAD` directories. */
export function fileRoutes(
  options: {
    volumes?: readonly string[] /** Largest listing page (the platform's: 1000). */;
    pageSize?: number;
  } = {},
): FileRoutes {
  const maxPage = options.pageSize ?? PAGE_SIZE;
  const volumes = new Set(options.volumes ?? []);
  const stored = new Map<string, StoredFile>();
  const directories = new Set<string>();

  const located = (path: string): RouteReply | undefined => {
    const volume = volumeOf(path);
    if (!volume) return apiError(400, "INVALID_PARAMETER_VALUE", `'${path}' is not a volume path.`);
    if (!volumes.has(volume)) return apiError(404, "NOT_FOUND", `Volume '${volume}' does not exist.`);
    return undefined;
  };
  const isDirectory = (path: string) =>
    directories.has(path) || /^\/Volumes\/[^/]+\/[^/]+\/[^/]+$/.test(path);
  const missingFile = (path: string) => apiError(404, "NOT_FOUND", `The file '${path}' does not exist.`);
  const fileHeaders = (file: StoredFile) => ({
    "content-length": String(file.bytes.length),
    "content-type": "application/octet-stream",
    "last-modified": new Date(file.modified).toUTCString(),
  });

  const routes: RouteModule[] = [
    {
      name: "files.upload",
      method: "PUT",
      path: "/api/2.0/fs/files/{file_path...}",
      handle: ({ params, query, bytes }) => {
        const path = `/${params.file_path ?? ""}`;
        const refused = located(path);
        if (refused) return refused;
        if (isDirectory(path)) return apiError(409, "ALREADY_EXISTS", `'${path}' is a directory.`);
        if (query.get("overwrite") === "false" && stored.has(path)) {
          return apiError(409, "ALREADY_EXISTS", `The file '${path}' already exists.`);
        }
        for (const parent of parentsOf(path)) directories.add(parent);
        stored.set(path, { bytes: Buffer.from(bytes), modified: Date.now() });
        return { status: 204 };
      },
    },
    {
      name: "files.download",
      method: "GET",
      path: "/api/2.0/fs/files/{file_path...}",
      handle: ({ params }) => {
        const path = `/${params.file_path ?? ""}`;
        const file = stored.get(path);
        if (!file) return located(path) ?? missingFile(path);
        return { status: 200, body: file.bytes, headers: fileHeaders(file) };
      },
    },
    {
      name: "files.metadata",
      method: "HEAD",
      path: "/api/2.0/fs/files/{file_path...}",
      handle: ({ params }) => {
        const path = `/${params.file_path ?? ""}`;
        const file = stored.get(path);
        if (!file) return located(path) ?? missingFile(path);
        return { status: 200, headers: fileHeaders(file) };
      },
    },
    {
      name: "files.delete",
      method: "DELETE",
      path: "/api/2.0/fs/files/{file_path...}",
      handle: ({ params }) => {
        const path = `/${params.file_path ?? ""}`;
        if (!stored.delete(path)) return located(path) ?? missingFile(path);
        return { status: 204 };
      },
    },
    {
      name: "files.create-directory",
      method: "PUT",
      path: "/api/2.0/fs/directories/{directory_path...}",
      handle: ({ params }) => {
        const path = `/${params.directory_path ?? ""}`.replace(/\/$/, "");
        const refused = located(path);
        if (refused) return refused;
        if (stored.has(path)) return apiError(409, "ALREADY_EXISTS", `'${path}' is a file.`);
        for (const parent of [...parentsOf(path), path]) directories.add(parent);
        return { status: 204 };
      },
    },
    {
      name: "files.list-directory",
      method: "GET",
      path: "/api/2.0/fs/directories/{directory_path...}",
      handle: ({ params, query }) => {
        const path = `/${params.directory_path ?? ""}`.replace(/\/$/, "");
        const refused = located(path);
        if (refused) return refused;
        if (!isDirectory(path)) {
          return apiError(404, "NOT_FOUND", `The directory '${path}' does not exist.`);
        }
        const children = [
          ...[...directories]
            .filter((d) => d.startsWith(`${path}/`) && !d.slice(path.length + 1).includes("/"))
            .map((d) => ({ path: d, is_directory: true, file_size: 0, name: d.split("/").pop() })),
          ...[...stored]
            .filter(([p]) => p.startsWith(`${path}/`) && !p.slice(path.length + 1).includes("/"))
            .map(([p, f]) => ({
              path: p,
              is_directory: false,
              file_size: f.bytes.length,
              last_modified: f.modified,
              name: p.split("/").pop(),
            })),
        ].sort((a, b) => a.path.localeCompare(b.path));
        const size = Math.min(Number(query.get("page_size") ?? maxPage) || maxPage, maxPage);
        const start = Number(query.get("page_token") ?? 0) || 0;
        const page = children.slice(start, start + size);
        const next = start + size < children.length ? String(start + size) : undefined;
        return ok({ contents: page, ...(next ? { next_page_token: next } : {}) });
      },
    },
    {
      name: "files.directory-metadata",
      method: "HEAD",
      path: "/api/2.0/fs/directories/{directory_path...}",
      handle: ({ params }) => {
        const path = `/${params.directory_path ?? ""}`.replace(/\/$/, "");
        return located(path) ?? (isDirectory(path) ? { status: 200 } : { status: 404 });
      },
    },
  ];

  return {
    routes,
    addVolume: (fullName) => void volumes.add(fullName),
    file: (path) => stored.get(path)?.bytes,
    paths: () => [...stored.keys()].sort(),
  };
}
