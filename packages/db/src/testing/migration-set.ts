import { createHash } from "node:crypto";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";
import { applyMigrations } from "../migrations/apply-migrations.ts";

export interface MigrationSource {
  migrationsFolder: string;
  owner: string;
}

export interface TemplateSpec {
  migrations: MigrationSource[];
  seed?: (pool: pg.Pool) => Promise<void>;
  /**
   * Names the seed's content for the template cache. The cache key covers the migration files and
   * the seed function's source; give a key (e.g. a fixture file's hash) when the seed reads data
   * from elsewhere, so a change there builds a new template.
   */
  seedKey?: string;
}

/** A short content hash of a template: its migrations (files and owners) and its seed. */
export function templateFingerprint(spec: TemplateSpec): string {
  const hash = createHash("sha256");
  for (const { migrationsFolder, owner } of spec.migrations) {
    hash.update(`owner:${owner}\n`);
    for (const migration of readMigrationFiles({ migrationsFolder: path.resolve(migrationsFolder) })) {
      hash.update(`${migration.folderMillis}:${migration.hash}\n`);
    }
  }
  hash.update(`seed:${spec.seedKey ?? spec.seed?.toString() ?? ""}`);
  return hash.digest("hex").slice(0, 16);
}

/** Migrates every owner in order, then seeds: what a template database holds. */
export async function migrateAndSeed(pool: pg.Pool, spec: TemplateSpec): Promise<void> {
  for (const source of spec.migrations) await applyMigrations(pool, source);
  await spec.seed?.(pool);
}
