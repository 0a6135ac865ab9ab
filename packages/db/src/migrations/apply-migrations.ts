import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { z } from "zod";

/** Where every owner's applied-migration journal lives: one table per owner in this schema. */
export const MIGRATIONS_SCHEMA = "appbase_migrations";

const optionsSchema = z.object({
  migrationsFolder: z.string().min(1, "migrationsFolder is required (the drizzle-kit `out` folder)"),
  owner: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, "owner must be a lower-case Postgres identifier, e.g. customer_hub"),
});

export type ApplyMigrationsOptions = z.input<typeof optionsSchema>;

/** A migration that failed: names the owner and the migration (drizzle-kit tag, e.g. `0003_add_notes`). */
export class MigrationFailedError extends Error {
  constructor(
    readonly owner: string,
    readonly migration: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Migration ${migration} of ${owner} failed, nothing was applied: ${reason}`, options);
    this.name = "MigrationFailedError";
  }
}

/**
 * Applies an owner's pending drizzle-kit migrations, all in one transaction, and returns how
 * many ran. Safe to call from several processes at once: the first takes a transaction-scoped
 * advisory lock and migrates, the others wait for it and then find nothing to do.
 */
export async function applyMigrations(
  pool: pg.Pool,
  options: ApplyMigrationsOptions,
): Promise<{ applied: number }> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    throw new Error(`applyMigrations: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  const { owner } = parsed.data;
  const migrationsFolder = path.resolve(parsed.data.migrationsFolder);
  if (!existsSync(path.join(migrationsFolder, "meta", "_journal.json"))) {
    throw new Error(
      `No drizzle-kit migrations for ${owner} in ${migrationsFolder} (meta/_journal.json is missing). ` +
        "Generate them with `pnpm exec drizzle-kit generate` in the owning package.",
    );
  }
  const migrations = readMigrationFiles({ migrationsFolder });
  // readMigrationFiles follows the journal's order, so entry i names migration i.
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  refuseBackwardJournal(owner, journal.entries);
  const config = { migrationsFolder, migrationsSchema: MIGRATIONS_SCHEMA, migrationsTable: owner };

  const client = await pool.connect();
  try {
    // One transaction around everything. On PostgreSQL the advisory lock makes a second migrator
    // wait. On the local Lakebase every socket client shares one session, so that lock is
    // re-entrant and proves nothing; there the open transaction itself serializes clients,
    // because pglite-socket runs no other client's query until it ends.
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [MIGRATIONS_SCHEMA]);
    const before = await countApplied(client, owner);
    const db = drizzle({ client });
    const session = sessionInsideTransaction(db._.session, db);
    const dialect = new PgDialect();
    // One migration at a time (drizzle applies those newer than the last recorded), so a failure
    // names the migration that failed; the transaction still makes it all or nothing.
    for (let i = before; i < migrations.length; i += 1) {
      try {
        await dialect.migrate(migrations.slice(0, i + 1), session, config);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationFailedError(owner, journal.entries[i]?.tag ?? `#${i}`, reason, { cause: error });
      }
    }
    const applied = (await countApplied(client, owner)) - before;
    await client.query("COMMIT");
    return { applied };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof MigrationFailedError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migrating ${owner} from ${migrationsFolder} failed, nothing was applied: ${reason}`, {
      cause: error,
    });
  } finally {
    client.release();
  }
}

/**
 * drizzle applies only the migrations dated after the last one a database recorded, so a migration
 * whose journal time (`when`) is not after its predecessor's is skipped without a word on every
 * database that already has the predecessor (a hand-written migration given an earlier time did
 * exactly that once). Refused before anything runs, naming both.
 */
function refuseBackwardJournal(owner: string, entries: readonly { tag: string; when: number }[]): void {
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    if (previous && !(entry.when > previous.when))
      throw new MigrationFailedError(
        owner,
        entry.tag,
        `its time in meta/_journal.json (when ${entry.when}) is not after ${previous.tag}'s (${previous.when}), ` +
          `so drizzle would skip it on every database that has ${previous.tag}; give it a later "when"`,
      );
  });
}

async function countApplied(client: pg.PoolClient, owner: string): Promise<number> {
  const table = `${MIGRATIONS_SCHEMA}.${owner}`;
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [
    table,
  ]);
  if (!rows[0]?.exists) return 0;
  const count = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${MIGRATIONS_SCHEMA}."${owner}"`,
  );
  return count.rows[0]?.n ?? 0;
}

/**
 * drizzle's migrator opens its own transaction for the pending migrations. We already hold one
 * (with the lock), so its "transaction" runs the callback on the open one instead of sending a
 * nested BEGIN, which PostgreSQL would answer with a warning and then commit early.
 */
function sessionInsideTransaction(session: object, db: object): MigratorSession {
  const wrapped = Object.create(session) as MigratorSession;
  // The migrator only calls `execute` on the transaction it is handed, which the database has.
  wrapped.transaction = ((run: (tx: unknown) => Promise<unknown>) =>
    run(db)) as MigratorSession["transaction"];
  return wrapped;
}

type MigratorSession = Parameters<PgDialect["migrate"]>[1];
