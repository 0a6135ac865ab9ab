import type { Column, DatasetTable, GenerateOptions, Row, RowOf, Scale } from "./types.ts";

/** Declares a table with its row type inferred from the `as const` column list. */
export function defineDataset<const C extends readonly Column[]>(table: {
  domain: DatasetTable["domain"];
  name: string;
  description: string;
  columns: C;
  primaryKey: ReadonlyArray<C[number]["name"]>;
  dependsOn?: readonly string[];
  defaultRows(scale: Scale): number;
  rows(options: GenerateOptions): Iterable<RowOf<C>>;
}): DatasetTable<RowOf<C> & Row> {
  return { dependsOn: [], ...table } as DatasetTable<RowOf<C> & Row>;
}

/** Sums a per-parent child count over all parents; memoized per (table, parent count). */
export function memoCount(count: (parents: number) => number): (parents: number) => number {
  const cache = new Map<number, number>();
  return (parents) => {
    let total = cache.get(parents);
    if (total === undefined) {
      total = count(parents);
      cache.set(parents, total);
    }
    return total;
  };
}
