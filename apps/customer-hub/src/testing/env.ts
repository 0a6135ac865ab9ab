/** DATABASE_URL for database tests: set it to run them on a real server instead of the embedded PGlite. */
export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}
