export type LoadingSkeletonProps = {
  /** "table" draws a header and rows, "lines" a paragraph, "card" a block with a title. */
  variant?: "table" | "lines" | "card";
  rows?: number;
  label?: string;
};

// Fixed widths (not random) keep server and client markup identical and the shimmer calm.
const WIDTHS = ["92%", "78%", "85%", "64%", "88%", "71%"];

/** Placeholder shapes while content streams in; announced once as "Loading…". */
export function LoadingSkeleton({ variant = "lines", rows = 5, label = "Loading…" }: LoadingSkeletonProps) {
  const count = Array.from({ length: Math.max(1, rows) }, (_, i) => i);
  return (
    <div className={`ab-skeleton ab-skeleton--${variant}`} aria-busy="true" role="status">
      <span className="ab-sr-only">{label}</span>
      {variant === "card" ? <div className="ab-skeleton__bar ab-skeleton__bar--title" /> : null}
      {variant === "table" ? <div className="ab-skeleton__bar ab-skeleton__bar--head" /> : null}
      {count.map((i) =>
        variant === "table" ? (
          <div key={i} className="ab-skeleton__row">
            <div className="ab-skeleton__bar" style={{ width: "28%" }} />
            <div className="ab-skeleton__bar" style={{ width: "18%" }} />
            <div
              className="ab-skeleton__bar"
              style={{ width: WIDTHS[i % WIDTHS.length] === "64%" ? "30%" : "24%" }}
            />
            <div className="ab-skeleton__bar" style={{ width: "12%" }} />
          </div>
        ) : (
          <div key={i} className="ab-skeleton__bar" style={{ width: WIDTHS[i % WIDTHS.length] }} />
        ),
      )}
    </div>
  );
}
