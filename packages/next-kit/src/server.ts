import type { AppEnvDeclaration } from "@appbase/bindings";
import type { ApplyMigrationsOptions } from "@appbase/db";
import type pg from "pg";
import { createKitDatabase } from "./db/kit-database.ts";
import { kitMigrationSources, kitProvisioning } from "./db/provision.ts";
import { createSyncedStatusSource } from "./db/synced-status-source.ts";
import type { KitDefinition } from "./define-kit.ts";
import { kitEnvReader } from "./env.ts";
import { createHealthRoute } from "./health/health-route.ts";
import { createKitRuntime } from "./kit.ts";
import { createPageViewer } from "./layout/page-viewer.tsx";

export interface KitServerOptions {
  /** The kit's version for the health report (its package.json `version`). */
  version: string;
  /** Runs on every pool hand-out, e.g. to start a background worker once. */
  onConnect?: (pool: pg.Pool) => void;
  /** The migrations the kit applies on start; default `kitMigrationSources(kit)` (its drizzle folder). */
  migrations?: readonly ApplyMigrationsOptions[];
}

/**
 * A kit's whole server side from its declaration (apps/<kit>/kit.ts): the validated environment,
 * the wrapper set (`defineAction`, `defineRoute`, `can`, identity), the pool and the health route.
 * A kit's src/server/kit.ts is this one call; nothing else in the kit repeats it.
 */
export function createKitServer<P extends string, R extends string, D extends AppEnvDeclaration>(
  kit: KitDefinition<P, R, D>,
  options: KitServerOptions,
) {
  const serverEnv = kitEnvReader(kit.appEnv);
  const env = serverEnv();
  const runtime = createKitRuntime({
    mode: env.mode,
    matrix: kit.matrix,
    localUsers: kit.localUsers,
    logger: console,
    // On Databricks Apps roles come from the user's workspace groups, read with their forwarded token.
    ...(env.DATABRICKS_HOST ? { workspaceHost: env.DATABRICKS_HOST } : {}),
  });
  const database = createKitDatabase({ kit: kit.id, isAppsMode: () => serverEnv().mode === "apps" });
  // The kit provisions its own schema before its pool serves anything, once per process (see db/provision.ts).
  const provisioning = kitProvisioning({
    kit: kit.id,
    sources: options.migrations ?? kitMigrationSources(kit),
    pool: database.db,
    logger: console,
  });
  const db = async (): Promise<pg.Pool> => {
    await provisioning.ensure();
    const pool = await database.db();
    options.onConnect?.(pool);
    return pool;
  };
  const health = createHealthRoute({
    kit: kit.id,
    version: options.version,
    mode: database.describeDatabase,
    pingDatabase: async () => {
      await (await database.db()).query("select 1");
    },
    schemaReady: () => provisioning.ensure(),
  });
  return {
    ...runtime,
    kit,
    /** `pageViewer(permission, what)`: the page's viewer, or the panel to render instead. */
    pageViewer: createPageViewer({ kit, identityOrReason: runtime.identityOrReason, can: runtime.can }),
    serverEnv,
    db,
    environmentMode: database.environmentMode,
    describeDatabase: database.describeDatabase,
    /** `syncedStatus(pool)`: the synced tables' status source (the platform on Databricks, the local status table elsewhere). */
    syncedStatus: createSyncedStatusSource(
      kit.id,
      () => serverEnv() as Record<string, string | undefined> & { mode: string },
    ),
    /** The kit's schema provisioning (migrations applied on start), for startup hooks and tests. */
    provisioning,
    /** `GET /api/health`: database reachable, schema ready, mode and version, for `appbase up` and the Apps runtime. */
    health,
  };
}

export type KitServer = ReturnType<typeof createKitServer>;
