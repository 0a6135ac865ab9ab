import type { QueryResultRow } from "pg";

/**
 * What domain code needs from a `pg.Pool` or `pg.Client`: one parameterized statement at a time (every
 * write is one statement, so no client checkout). The one Queryable of the repository.
 */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}
