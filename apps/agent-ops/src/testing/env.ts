/** A real PostgreSQL server for tests that need concurrent clients (PGlite serializes them), or undefined. */
export function realServerUrl(): string | undefined {
  const url = process.env.APPBASE_PG_SERVER_URL || process.env.DATABASE_URL;
  return url && url.trim() !== "" ? url.trim() : undefined;
}
