import "./thread-views.css";

function pretty(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, null, 2) ?? "null";
  } catch {
    return String(value);
  }
}

/**
 * A JSON value or long text, pretty-printed in a scrolling block; values longer than `collapseOver`
 * characters start folded under a summary that says how long they are.
 */
export function JsonBlock({
  value,
  label = "Show value",
  collapseOver = 600,
  testId,
}: {
  value: unknown;
  label?: string;
  collapseOver?: number;
  testId?: string;
}) {
  const text = pretty(value);
  const block = (
    <pre className="ao-json" data-testid={testId}>
      {text}
    </pre>
  );
  if (text.length <= collapseOver) return block;
  return (
    <details className="ao-json-details">
      <summary>
        {label} ({text.length.toLocaleString("en-US")} characters)
      </summary>
      {block}
    </details>
  );
}

/** Short values inline as code (tool arguments), longer ones as a folded block. */
export function InlineJson({ value, label }: { value: unknown; label?: string }) {
  const compact = typeof value === "string" ? value : JSON.stringify(value);
  if (compact !== undefined && compact.length <= 120)
    return <code className="ao-inline-code">{compact}</code>;
  return <JsonBlock value={value} label={label ?? "Show arguments"} collapseOver={0} />;
}
