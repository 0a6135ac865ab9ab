/** A span of one trace as read back from `appbase.telemetry.spans`. */
export interface TraceSpan {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  kind: string;
  service_name: string;
  start_time: string;
  duration_ms: number;
  status_code: string;
  attributes: string;
}

export interface TraceNode {
  span: TraceSpan;
  depth: number;
  /** Milliseconds from the trace's first span start. */
  offsetMs: number;
}

/**
 * A trace's spans in display order: each parent before its children, siblings by start time.
 * A span whose parent did not arrive (another service's, or not exported yet) is shown as a root.
 */
export function traceTree(spans: readonly TraceSpan[]): TraceNode[] {
  const byStart = [...spans].sort((a, b) => a.start_time.localeCompare(b.start_time));
  const ids = new Set(byStart.map((s) => s.span_id));
  const children = new Map<string | null, TraceSpan[]>();
  for (const span of byStart) {
    const parent = span.parent_span_id && ids.has(span.parent_span_id) ? span.parent_span_id : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const origin = byStart.length > 0 ? Date.parse(byStart[0]!.start_time) : 0;
  const out: TraceNode[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      out.push({ span, depth, offsetMs: Date.parse(span.start_time) - origin });
      visit(span.span_id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
