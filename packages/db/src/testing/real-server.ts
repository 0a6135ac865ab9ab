/**
 * A real PostgreSQL server for tests that need concurrent clients (PGlite serializes them):
 * APPBASE_PG_SERVER_URL (what `pnpm test:all` sets) or DATABASE_URL; undefined means skip.
 */
export function realServerUrl(): string | undefined {
  const url = process.env.APPBASE_PG_SERVER_URL || process.env.DATABASE_URL;
  return url && url.trim() !== "" ? url.trim() : undefined;
}
