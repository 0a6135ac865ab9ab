import type { TraceSpan } from "@appbase/telemetry/otlp";
import { escapeHtml, htmlPage } from "./html.ts";
import type { KitStatus } from "./kit-status.ts";

/** What a list of requests shows of a server span. */
type RequestSpan = Pick<TraceSpan, "trace_id" | "name" | "service_name" | "duration_ms" | "start_time">;

/** The home page: every kit with its health, branch, data freshness and links, and recent requests. */
export function homeHtml(
  kits: readonly KitStatus[],
  recent: readonly RequestSpan[],
  info: { stateDir: string; telemetry: string },
): string {
  const kitRows = kits
    .map((k) => {
      const health = `<span class="${k.health.ok ? "ok" : "bad"}">${k.health.ok ? "healthy" : "unhealthy"}</span> <span class="muted">${escapeHtml(k.health.detail)}</span>`;
      return `<tr><td><a href="${escapeHtml(k.url)}">${escapeHtml(k.title)}</a><br><span class="muted">${escapeHtml(k.id)}</span></td>
<td>${health}</td><td>${escapeHtml(k.branch)}</td><td>${freshnessCell(k.freshness)}</td>
<td><a href="${escapeHtml(k.url)}">open</a> · <a href="${escapeHtml(k.url)}/api/health">health</a> · <a href="/requests?service=${encodeURIComponent(k.id)}">requests</a></td></tr>`;
    })
    .join("\n");
  return htmlPage(
    "AppBase",
    `<h1>AppBase</h1>
<table><tr><th>Kit</th><th>Health</th><th>Branch</th><th>Data freshness</th><th>Links</th></tr>${kitRows || '<tr><td colspan="5">No kits are running.</td></tr>'}</table>
<h2>Recent requests</h2>${requestsTable(recent)}
<p class="muted">State folder ${escapeHtml(info.stateDir)} · telemetry: ${escapeHtml(info.telemetry)} · this page refreshes every 10 s</p>`,
    { refreshSeconds: 10 },
  );
}

/** A table of server spans linking to their traces. */
export function requestsTable(recent: readonly RequestSpan[]): string {
  if (recent.length === 0) return `<p class="muted">No requests traced yet.</p>`;
  const rows = recent
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.start_time)}</td><td>${escapeHtml(r.service_name)}</td><td><a href="/traces/${r.trace_id}">${escapeHtml(r.name)}</a></td><td>${r.duration_ms.toFixed(1)} ms</td></tr>`,
    )
    .join("\n");
  return `<table><tr><th>Time</th><th>Kit</th><th>Request</th><th>Duration</th></tr>${rows}</table>`;
}

function freshnessCell(f: KitStatus["freshness"]): string {
  if (!f) return `<span class="muted">serves no synced tables</span>`;
  if (f.ageMs === null) return `<span class="bad">${f.neverSynced} of ${f.tables} tables never synced</span>`;
  const cls = f.state === "fresh" ? "ok" : f.state === "stale" ? "warn" : "bad";
  return `<span class="${cls}">${f.state}</span> <span class="muted">oldest sync ${formatAge(f.ageMs)} ago · ${f.tables} tables</span>`;
}

/** "42 s", "5 min", "3 h", "2 d". */
export function formatAge(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}
