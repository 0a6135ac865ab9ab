import { existsSync } from "node:fs";
import path from "node:path";
import { type ApplyMigrationsOptions, applyMigrations, MigrationFailedError } from "@appbase/db";
import type pg from "pg";
import { GOVERNANCE_MIGRATIONS_FROM_APP, KIT_MIGRATIONS_FROM_APP } from "./migration-paths.ts";

/** Where a kit's schema stands: not yet provisioned, ready, or stopped by a failed migration. */
export type ProvisioningState =
  | { state: "pending" }
  | { state: "ready"; applied: number }
  | { state: "failed"; reason: string };

export interface KitProvisioning {
  /** Applies the kit's migrations once per process; later calls share the first. Rejects while it failed. */
  ensure(): Promise<void>;
  state(): ProvisioningState;
}

/**
 * The migration folders a kit applies on start, found relative to the app's folder (`process.cwd()`:
 * `apps/<kit>` under `next start`, the staged server's folder under the standalone server, which
 * `kitNextConfig` makes carry them): the kit's own drizzle folder, and the Governance Writer's outbox when
 * the kit has governed tables. Same relative paths in the repository and in the staged app.
 */
export function kitMigrationSources(
  kit: { schemaName: string; governed?: readonly unknown[] },
  appDir: string = process.cwd(),
): ApplyMigrationsOptions[] {
  return [
    ...(kit.governed?.length
      ? [
          {
            owner: "appbase_governance",
            migrationsFolder: path.join(appDir, GOVERNANCE_MIGRATIONS_FROM_APP),
          },
        ]
      : []),
    { owner: kit.schemaName, migrationsFolder: path.join(appDir, KIT_MIGRATIONS_FROM_APP) },
  ];
}

/**
 * Self-provisioning: on start a kit applies its own migrations with its own pool (on Databricks, as the
 * app's service principal, so it owns what it creates). `applyMigrations` holds an advisory lock, so
 * instances starting together apply each migration once. A failed migration stops the kit: it is
 * logged with the migration's name, `ensure` keeps rejecting with it and the health route says not ready;
 * only a database that could not be reached is tried again on the next call.
 */
export function createKitProvisioning(options: {
  kit: string;
  sources: readonly ApplyMigrationsOptions[];
  pool: () => Promise<pg.Pool>;
  logger?: Pick<Console, "info" | "error">;
}): KitProvisioning {
  let current: ProvisioningState = { state: "pending" };
  let running: Promise<void> | undefined;
  const run = async () => {
    const missing = options.sources.find(
      (source) => !existsSync(path.join(source.migrationsFolder, "meta", "_journal.json")),
    );
    if (missing) {
      // A deploy without the kit's migrations can never become ready: stop, as for a failed migration.
      throw new StartupStopped(
        `the migrations of ${missing.owner} are missing (${missing.migrationsFolder}/meta/_journal.json); the app was staged without them.`,
      );
    }
    const pool = await options.pool();
    let applied = 0;
    for (const source of options.sources) {
      applied += (await applyMigrations(pool, source)).applied;
    }
    current = { state: "ready", applied };
    options.logger?.info(
      `[${options.kit}] schema ready: ${applied === 0 ? "migrations up to date" : `${applied} migration(s) applied`}`,
    );
  };
  return {
    ensure() {
      running ??= run().catch((error: unknown) => {
        if (isUnreachable(error)) {
          running = undefined; // the database was not reachable (yet): the next call tries again
        } else {
          // A failed or unreadable migration fails the same way on every try: stop and say which.
          const reason = error instanceof Error ? error.message : String(error);
          current = { state: "failed", reason };
          options.logger?.error(`[${options.kit}] startup stopped: ${reason}`);
        }
        throw error;
      });
      return running;
    },
    state: () => current,
  };
}

// One provisioning per kit per server process. Next bundles the instrumentation hook apart from the
// routes, so a kit's server module is instantiated twice; both must share one run (as they share the pool).
const processWide = globalThis as unknown as { appbaseKitProvisioning?: Map<string, KitProvisioning> };

/** The process's provisioning of `options.kit`, created on first use; later callers share it. */
export function kitProvisioning(options: Parameters<typeof createKitProvisioning>[0]): KitProvisioning {
  processWide.appbaseKitProvisioning ??= new Map();
  const shared = processWide.appbaseKitProvisioning;
  let provisioning = shared.get(options.kit);
  if (!provisioning) {
    provisioning = createKitProvisioning(options);
    shared.set(options.kit, provisioning);
  }
  return provisioning;
}

class StartupStopped extends Error {}

// Network failures and PostgreSQL's connection exception (class 08) and operator intervention
// (57P01-57P03: shutting down, starting up) pass; anything else a migration meets will meet it again.
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
function isUnreachable(error: unknown): boolean {
  if (error instanceof MigrationFailedError || error instanceof StartupStopped) return false;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE.has(code) || /^08|^57P0[123]$/.test(code))) return true;
  }
  return false;
}
