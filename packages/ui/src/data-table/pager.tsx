import { cx } from "../internal/cx.ts";
import { pageList } from "./page-list.ts";
import { pageWindow, type TableParams } from "./table-params.ts";
import { DEFAULT_PAGE_SIZES, type TableSpec } from "./table-spec.ts";
import { tableHref } from "./table-url.ts";

export type PagerProps = {
  basePath: string;
  spec: TableSpec;
  params: TableParams;
  total: number;
  /** The total is the planner's estimate (shown as "about N"), not a count. */
  totalEstimated?: boolean;
  /**
   * Cursor tokens of the neighbouring pages of a keyset list (null: none). With these the pager
   * offers first / previous / next instead of page numbers, which would need an OFFSET.
   */
  keyset?: { next: string | null; prev: string | null };
  /** Rows on this page (keyset lists have no page arithmetic to derive it from). */
  rowCount?: number;
  extraParams?: Record<string, string>;
  /** What the rows are, for "Showing 1–25 of 1,204 customers". */
  noun?: string;
};

const fmt = new Intl.NumberFormat("en-US");

/** An estimated total as a person would say it: two significant digits, "about 990,000". */
export function aboutCount(total: number): string {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, total))) - 1);
  return `about ${fmt.format(Math.round(total / magnitude) * magnitude)}`;
}

/** "Showing x–y of z", page-size links and page links; plain links, so it works without JavaScript. */
export function Pager(props: PagerProps) {
  const { basePath, spec, params, total, extraParams, noun = "rows" } = props;
  const { from, to, pageCount } = pageWindow(params, total);
  const href = (changes: Partial<TableParams>) => tableHref(basePath, spec, params, changes, extraParams);
  const page = Math.min(params.page, pageCount);
  const sizes = spec.pageSizes?.length ? spec.pageSizes : DEFAULT_PAGE_SIZES;
  const totalText = props.totalEstimated ? aboutCount(total) : fmt.format(total);
  return (
    <nav className="ab-pager" aria-label="Pagination">
      <p className="ab-pager__summary" aria-live="polite">
        {total === 0 ? (
          `No ${noun}`
        ) : props.keyset ? (
          <>
            Showing <strong>{fmt.format(props.rowCount ?? 0)}</strong> of <strong>{totalText}</strong> {noun}
          </>
        ) : (
          <>
            Showing <strong>{fmt.format(from)}</strong>–<strong>{fmt.format(to)}</strong> of{" "}
            <strong>{totalText}</strong> {noun}
          </>
        )}
      </p>
      <div className="ab-pager__sizes">
        <span className="ab-pager__label">Rows per page</span>
        {sizes.map((size) =>
          size === params.pageSize ? (
            <span key={size} className="ab-pager__size ab-pager__size--current" aria-current="true">
              {size}
            </span>
          ) : (
            <a key={size} className="ab-pager__size" href={href({ pageSize: size, page: 1 })}>
              {size}
            </a>
          ),
        )}
      </div>
      {props.keyset ? (
        <div className="ab-pager__pages">
          <PageLink href={props.keyset.prev ? href({ page: 1 }) : null} label="First page" text="« First" />
          <PageLink
            href={props.keyset.prev ? href({ before: props.keyset.prev, after: null }) : null}
            label="Previous page"
            text="‹ Prev"
          />
          <PageLink
            href={props.keyset.next ? href({ after: props.keyset.next, before: null }) : null}
            label="Next page"
            text="Next ›"
          />
        </div>
      ) : (
        <div className="ab-pager__pages">
          <PageLink href={page > 1 ? href({ page: page - 1 }) : null} label="Previous page" text="‹ Prev" />
          {pageList(page, pageCount).map((p, i) =>
            p === "gap" ? (
              <span key={`gap-${i}`} className="ab-pager__gap" aria-hidden="true">
                …
              </span>
            ) : (
              <a
                key={p}
                className={cx("ab-pager__page", p === params.page && "ab-pager__page--current")}
                href={href({ page: p })}
                aria-current={p === params.page ? "page" : undefined}
                aria-label={`Page ${p}`}
              >
                {p}
              </a>
            ),
          )}
          <PageLink
            href={page < pageCount ? href({ page: page + 1 }) : null}
            label="Next page"
            text="Next ›"
          />
        </div>
      )}
    </nav>
  );
}

function PageLink({ href, label, text }: { href: string | null; label: string; text: string }) {
  if (href === null) {
    return (
      <span className="ab-pager__step ab-pager__step--disabled" aria-disabled="true">
        {text}
      </span>
    );
  }
  return (
    <a className="ab-pager__step" href={href} aria-label={label}>
      {text}
    </a>
  );
}
