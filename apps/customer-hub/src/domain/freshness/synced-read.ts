/** A read of a synced table, or the fact that the table is not there (not yet synced, or dropped). */
export type SyncedRead<T> = { value: T; missing: false } | { value: T; missing: true };

const UNDEFINED_TABLE = "42P01";

/**
 * Runs a read of a synced table; if the table does not exist, returns `fallback` marked missing instead of
 * throwing, so pages keep working (masked-safe fallback) rather than showing an error page.
 */
export async function readSynced<T>(read: () => Promise<T>, fallback: T): Promise<SyncedRead<T>> {
  try {
    return { value: await read(), missing: false };
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return { value: fallback, missing: true };
    throw error;
  }
}
