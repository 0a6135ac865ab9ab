/** A connection held for one transaction. */
export interface GovernanceClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  release(error?: Error | boolean): void;
}

/** What the writer needs of a Postgres: queries, and a client for a transaction (a `pg.Pool` fits). */
export interface GovernanceSql {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  connect(): Promise<GovernanceClient>;
}
