import type { ReactNode } from "react";

export type DetailItem = { label: string; value: ReactNode; hint?: string };

/** Label/value pairs of one record (a customer, an asset), as a description list. */
export function DetailList({ items, columns = 2 }: { items: readonly DetailItem[]; columns?: 1 | 2 | 3 }) {
  return (
    <dl className={`ab-details ab-details--${columns}`}>
      {items.map((item) => (
        <div key={item.label} className="ab-details__item">
          <dt title={item.hint}>{item.label}</dt>
          <dd>{item.value ?? <span className="ab-muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
