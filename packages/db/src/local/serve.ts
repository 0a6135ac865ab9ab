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
}

export interface LocalLakebase {
  url: string;
  port: number;
  pglite: PGlite;
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
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: options.dataDir,
      username: LOCAL_LAKEBASE_USER,
      database: LOCAL_LAKEBASE_DATABASE,
      extensions: { vector },
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const server = new PGLiteSocketServer({
    db: pglite,
    host,
    port: options.port,
    maxConnections: options.maxConnections ?? 100,
  });
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
  return { url: localLakebaseUrl(port, host), port, pglite, stop };
}
