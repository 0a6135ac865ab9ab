import type { ReactNode } from "react";

export type CardProps = {
  title?: ReactNode;
  /** Small text under the title, e.g. the data source or time window. */
  subtitle?: ReactNode;
  /** Right side of the title row: links, a freshness badge, a menu. */
  actions?: ReactNode;
  /** Drops the body padding, for tables and lists that run edge to edge. */
  flush?: boolean;
  children: ReactNode;
};

/** A bordered panel with an optional title row; the building block of overview pages. */
export function Card({ title, subtitle, actions, flush, children }: CardProps) {
  return (
    <section className={flush ? "ab-card ab-card--flush" : "ab-card"}>
      {title || actions ? (
        <header className="ab-card__header">
          <div>
            {title ? <h2 className="ab-card__title">{title}</h2> : null}
            {subtitle ? <p className="ab-card__subtitle">{subtitle}</p> : null}
          </div>
          {actions ? <div className="ab-card__actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className="ab-card__body">{children}</div>
    </section>
  );
}
