import type { Lakehouse } from "@appbase/lakehouse";
import { type TraceNode, type TraceSpan, telemetryTables, traceTree } from "@appbase/telemetry/otlp";
import { escapeHtml, htmlPage } from "./html.ts";

const TRACE_ID = /^[0-9a-f]{32}$/;

/** Whether `id` is an OTel trace id (32 lowercase hex digits). */
export function isTraceId(id: string): boolean {
  return TRACE_ID.test(id);
}

/** The spans of one trace from `appbase.telemetry.spans`, parents before children. */
export async function readTrace(lakehouse: Lakehouse, traceId: string): Promise<TraceNode[]> {
  if (!(await lakehouse.describeTable(telemetryTables.spans.table))) return [];
  const rows = await lakehouse.read(telemetryTables.spans.table, {
    where: { column: "trace_id", op: "=", value: traceId },
    orderBy: ["start_time"],
    limit: 5000,
  });
  return traceTree(rows as unknown as TraceSpan[]);
}

/** The most recent server spans (one per request), newest first; of one service (kit) when named. */
export async function recentRequests(
  lakehouse: Lakehouse,
  limit = 30,
  service?: string,
): Promise<TraceSpan[]> {
  if (!(await lakehouse.describeTable(telemetryTables.spans.table))) return [];
  const server = { column: "kind", op: "=", value: "SERVER" } as const;
  const rows = await lakehouse.read(telemetryTables.spans.table, {
    where: service ? { and: [server, { column: "service_name", op: "=", value: service }] } : server,
    orderBy: ["start_time DESC"],
    limit,
  });
  return rows as unknown as TraceSpan[];
}

/** Which part of the stack a span belongs to, for the trace view: kit, database or lakehouse. */
export function layerOf(span: TraceSpan): "kit" | "database" | "lakehouse" {
  if (span.name.startsWith("pg ")) return "database";
  if (
    span.name.startsWith("lakehouse ") ||
    span.name.startsWith("governance ") ||
    span.name.startsWith("sync ")
  )
    return "lakehouse";
  return "kit";
}

/** A trace as indented text lines (the CLI's `appbase telemetry trace`). */
export function traceText(nodes: readonly TraceNode[]): string[] {
  return nodes.map(({ span, depth, offsetMs }) => {
    const status = span.status_code === "ERROR" ? "  ERROR" : "";
    const timing = `+${offsetMs.toFixed(0).padStart(5)} ms ${span.duration_ms.toFixed(1).padStart(8)} ms`;
    return `${timing}  ${"  ".repeat(depth)}${span.name}  [${span.service_name} · ${layerOf(span)}]${status}`;
  });
}

/** A trace as a waterfall page. */
export function traceHtml(traceId: string, nodes: readonly TraceNode[]): string {
  if (nodes.length === 0) {
    return htmlPage(
      `Trace ${traceId}`,
      `<h1>Trace <code>${escapeHtml(traceId)}</code></h1><p>No spans for this trace yet. Spans are exported every few seconds; reload shortly.</p><p><a href="/">Home</a></p>`,
    );
  }
  const total = Math.max(...nodes.map((n) => n.offsetMs + n.span.duration_ms), 1);
  const rows = nodes
    .map(({ span, depth, offsetMs }) => {
      const left = (offsetMs / total) * 100;
      const width = Math.max((span.duration_ms / total) * 100, 0.3);
      const cls = span.status_code === "ERROR" ? "bad" : "";
      return `<tr><td style="padding-left:${0.6 + depth * 1.2}rem" class="${cls}">${escapeHtml(span.name)}</td>
<td>${escapeHtml(span.service_name)}</td><td>${layerOf(span)}</td><td>${span.duration_ms.toFixed(1)} ms</td>
<td class="lane"><div class="bar" style="margin-left:${left.toFixed(2)}%;width:${width.toFixed(2)}%"></div></td></tr>`;
    })
    .join("\n");
  return htmlPage(
    `Trace ${traceId}`,
    `<h1>Trace <code>${escapeHtml(traceId)}</code></h1><p class="muted">${nodes.length} spans · ${total.toFixed(1)} ms · <a href="/">Home</a></p>
<table><tr><th>Span</th><th>Service</th><th>Layer</th><th>Duration</th><th>Timeline</th></tr>${rows}</table>`,
  );
}
