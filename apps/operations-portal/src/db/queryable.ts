import type { QueryResultRow } from "pg";

/** The part of `pg.Pool` domain functions need; every write is one statement, so no client checkout. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}
