import { createPool } from "@appbase/db";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import type { Kit } from "../kits.ts";
import { kitStatus } from "./kit-status.ts";
import { type PlatformServer, startPlatformServer } from "./platform-server.ts";

export interface LocalPlatform extends PlatformServer {
  /** What kits get so they export to this platform (unless the caller already points them elsewhere). */
  telemetryEnv: Record<string, string>;
}

/**
 * The local platform `appbase up` runs beside the kits: the home page and trace view, and the OTLP
 * receiver that lands kit telemetry in the local lakehouse. It holds a small pool for the home
 * page's freshness reads and the lakehouse (shared with the kits' processes by file turns).
 */
export async function startLocalPlatform(options: {
  env: NodeJS.ProcessEnv;
  stateDir: string;
  lakehouseDir: string;
  port: number;
  kits: readonly { kit: Kit; url: string }[];
}): Promise<LocalPlatform> {
  const lakehouse = await openLocalLakehouse({
    directory: options.lakehouseDir,
    userName: "appbase-platform",
  });
  const db = await createPool({ env: options.env, max: 2, applicationName: "appbase-platform" });
  try {
    const server = await startPlatformServer({
      lakehouse,
      port: options.port,
      stateDir: options.stateDir,
      kits: () => Promise.all(options.kits.map(({ kit, url }) => kitStatus(kit, url, db.pool, options.env))),
    });
    const external = options.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    return {
      ...server,
      telemetryEnv: external
        ? {}
        : { OTEL_EXPORTER_OTLP_ENDPOINT: server.url, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" },
      close: async () => {
        await server.close();
        await db.close();
        await lakehouse.close();
      },
    };
  } catch (error) {
    await db.close();
    await lakehouse.close();
    throw error;
  }
}
