/** Column types shared by every serializer and by the Postgres declarations in @appbase/datasets. */
export type ColumnType = "text" | "int" | "float" | "bool" | "timestamp" | "date" | "json";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  /** Personal data: masked or withheld by consent-aware views. */
  readonly pii?: boolean;
}

type ValueOf<T extends ColumnType> = T extends "text" | "timestamp" | "date"
  ? string
  : T extends "int" | "float"
    ? number
    : T extends "bool"
      ? boolean
      : JsonValue;

/** The row object type of a column list declared `as const`. */
export type RowOf<C extends readonly Column[]> = {
  [K in C[number] as K["name"]]: K["nullable"] extends true ? ValueOf<K["type"]> | null : ValueOf<K["type"]>;
};

/** A generic row: what serializers and loaders see. Timestamps are ISO-8601 UTC strings, dates `YYYY-MM-DD`. */
export type Row = Record<string, JsonValue>;

export type Domain = "customer" | "agents" | "risk" | "operations";

export type ScaleName = "tiny" | "default" | "large";

/** A named scale, or a number of customers (every other domain scales in proportion). */
export type Scale = ScaleName | number;

export interface GenerateOptions {
  seed: number;
  scale: Scale;
  /** The data set's "now": every timestamp lies at or before it. Defaults to `DEFAULT_EPOCH`. */
  epoch?: string;
}

/** One table of the synthetic data sets: its shape and a streaming row generator. */
export interface DatasetTable<R extends Row = Row> {
  readonly domain: Domain;
  readonly name: string;
  readonly description: string;
  readonly columns: readonly Column[];
  readonly primaryKey: readonly string[];
  /** Tables whose rows this one references (load order). */
  readonly dependsOn: readonly string[];
  /** Exact number of rows `rows()` yields at this scale (row counts never depend on the seed). */
  defaultRows(scale: Scale): number;
  /** Rows in primary-key order; a fresh, lazy iterable on each call. */
  rows(options: GenerateOptions): Iterable<R>;
}
