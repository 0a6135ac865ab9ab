import type { QueryResult, QueryResultRow } from "pg";

/** What the loader needs from a `pg.Pool` or `pg.Client`: parameterized queries. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
