import { rm } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockDataDir } from "./data-dir-lock.ts";
import { assertPortFree, PortInUseError } from "./port-check.ts";

export interface ServeLocalLakebaseOptions {
  /** Folder holding the PGlite data files; created on first start. */
  dataDir: string;
  host?: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Socket clients served at once (pglite-socket's own default is 1). */
  maxConnections?: number;
  /** A data folder tarball (`PGlite.dumpDataDir`) to start from when `dataDir` is new: how a branch starts. */
  loadDataDir?: Blob;
}

export interface LocalLakebase {
  url: string;
  port: number;
  /** The PGlite instance serving now (a new one after `replaceData`). */
  readonly pglite: PGlite;
  /**
   * Swaps the data for a tarball (a snapshot or another branch's state) on the same port: clients
   * are disconnected, the data folder is emptied and loaded, and serving resumes.
   */
  replaceData(data: Blob): Promise<void>;
  stop(): Promise<void>;
}

/** Local Lakebase login: PGlite has one role and ignores the password, but clients need a URL. */
export const LOCAL_LAKEBASE_USER = "postgres";
export const LOCAL_LAKEBASE_DATABASE = "postgres";

/** Builds the connection URL of a local Lakebase on `port`. */
export function localLakebaseUrl(port: number, host = "127.0.0.1"): string {
  return `postgres://${LOCAL_LAKEBASE_USER}:${LOCAL_LAKEBASE_USER}@${host}:${port}/${LOCAL_LAKEBASE_DATABASE}`;
}

/**
 * Opens PGlite (with pgvector) on `dataDir` and serves it over the Postgres wire protocol.
 * `stop()` closes the socket server first and PGlite second, so no query runs while the data
 * files are flushed and closed.
 */
export async function serveLocalLakebase(options: ServeLocalLakebaseOptions): Promise<LocalLakebase> {
  const host = options.host ?? "127.0.0.1";
  // Check the port before opening PGlite: a fresh data folder takes seconds to initialise.
  await assertPortFree(host, options.port);
  const unlock = await lockDataDir(options.dataDir);
  const open = (loadDataDir?: Blob) =>
    PGlite.create({
      dataDir: options.dataDir,
      username: LOCAL_LAKEBASE_USER,
      database: LOCAL_LAKEBASE_DATABASE,
      extensions: { vector },
      loadDataDir,
    });
  const socketServer = (db: PGlite, port: number) =>
    new PGLiteSocketServer({ db, host, port, maxConnections: options.maxConnections ?? 100 });
  let pglite: PGlite;
  try {
    pglite = await open(options.loadDataDir);
  } catch (error) {
    await unlock();
    throw error;
  }
  let server = socketServer(pglite, options.port);
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    await unlock();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError(options.port);
    throw error;
  }
  const port = Number(server.getServerConn().split(":").at(-1));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await server.stop();
      await pglite.close();
      await unlock();
    })();
    return stopping;
  };
  const replaceData = async (data: Blob) => {
    if (stopping) throw new Error(`The local Lakebase on port ${port} is stopped.`);
    await server.stop();
    await pglite.close();
    await rm(options.dataDir, { recursive: true, force: true });
    pglite = await open(data);
    server = socketServer(pglite, port);
    await server.start();
  };
  return {
    url: localLakebaseUrl(port, host),
    port,
    get pglite() {
      return pglite;
    },
    replaceData,
    stop,
  };
}
