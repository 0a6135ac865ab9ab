/**
 * Logs an unexpected failure under a fresh error id and returns the id. The person is shown only the id
 * (never a database message, SQL or a server path); the server log holds the same id with the details.
 */
export function logWithErrorId(logger: Pick<Console, "error">, what: string, error: unknown): string {
  const id = globalThis.crypto.randomUUID().slice(0, 8);
  logger.error(`${what} (ref ${id}):`, error);
  return id;
}
