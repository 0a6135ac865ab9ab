/** The Postgres `prepare-database.ts` prepares; it fails naming DATABASE_URL when unset. */
export function scriptDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: point it at the Postgres to prepare, e.g. postgres://postgres@127.0.0.1:5432/postgres",
    );
  }
  return url;
}
