import { DetailList } from "@appbase/ui/layout";
import { type FigureColumn, FiguresTable } from "@appbase/ui/stats";
import { formatDuration } from "../../components/thread-format.ts";
import type { PlatformUsage, PlatformUsageRow, TableRead } from "../../domain/usage/platform-usage.ts";

const count = (n: number) => n.toLocaleString("en-US");
const STATUS: Record<number, string> = { 200: "OK", 429: "rate limited" };
const statusLabel = (code: number) =>
  `${code}${STATUS[code] ? ` ${STATUS[code]}` : code >= 400 ? " refused" : ""}`;

/** What a platform table read gave: its source named, or in words why there is nothing. */
function ReadState({ read }: { read: TableRead<unknown> }) {
  if (read.state === "off") return <p className="ab-muted">Not shown: {read.why}.</p>;
  if (read.state === "failed")
    return (
      <p role="alert">
        Reading <code>{read.table}</code> failed: {read.error} (the app&apos;s service principal needs SELECT
        on it; system.serving tables are readable by account admins unless granted).
      </p>
    );
  return read.rows.length === 0 ? (
    <p className="ab-muted">
      <code>{read.table}</code> has no requests in this window (the platform fills it within about an hour).
    </p>
  ) : null;
}

const USAGE_COLUMNS: FigureColumn<PlatformUsageRow>[] = [
  { header: "Day (UTC)", cell: (r) => r.day },
  { header: "Requester", cell: (r) => r.requester },
  { header: "Status", cell: (r) => statusLabel(r.statusCode) },
  { header: "Requests", cell: (r) => count(r.requests) },
  { header: "Tokens in", cell: (r) => count(r.inputTokens) },
  { header: "Tokens out", cell: (r) => count(r.outputTokens) },
];

function UsageRows({ rows }: { rows: PlatformUsageRow[] }) {
  return (
    <FiguresTable
      label="Platform usage per day"
      className="ao-checkpoint-table"
      columns={USAGE_COLUMNS}
      rows={rows}
      rowKey={(r) => `${r.day}/${r.requester}/${r.statusCode}`}
      rowTestId="platform-usage-row"
    />
  );
}

/** The platform figures of a read: gateway settings, requests and tokens, execution times, each sourced. */
export function PlatformFigures({ platform, appCalls }: { platform: PlatformUsage; appCalls: number }) {
  if (platform.gateway.state === "failed") {
    return (
      <p role="alert">
        The settings of serving endpoint {platform.endpoint} could not be read: {platform.gateway.error}
      </p>
    );
  }
  const { settings } = platform.gateway;
  const { usage, latency } = platform;
  const requests = usage.state === "read" ? usage.rows.reduce((sum, r) => sum + r.requests, 0) : null;
  return (
    <>
      <DetailList
        items={[
          {
            label: "Usage tracking",
            value: settings.usageTracking ? "on (system.serving.endpoint_usage)" : "not enabled",
          },
          { label: "Inference table", value: settings.inferenceTable ?? "not enabled" },
          {
            label: "Rate limits",
            value: settings.rateLimits.length ? settings.rateLimits.join("; ") : "none set",
          },
          {
            label: "Guardrails",
            value: settings.guardrails.length ? settings.guardrails.join("; ") : "none set",
          },
        ]}
      />
      <p className="ab-muted">
        Requests a rate limit refused show as status 429; requests a guardrail refused show under their
        status. The platform&apos;s tables carry no separate guardrail outcome.
      </p>
      <h3>Requests and tokens (usage tracking)</h3>
      <ReadState read={usage} />
      {usage.state === "read" && usage.rows.length > 0 ? (
        <>
          <p data-testid="platform-usage-total">
            {count(requests ?? 0)} requests on the platform; the kit recorded {count(appCalls)} model calls in
            the same window (requests from outside the kit count on the platform only).
          </p>
          <UsageRows rows={usage.rows} />
        </>
      ) : null}
      <h3>Execution time (inference table)</h3>
      <ReadState read={latency} />
      {latency.state === "read" && latency.rows.length > 0 ? (
        <ul aria-label="Platform execution time per day">
          {latency.rows.map((r) => (
            <li key={r.day}>
              {r.day}: {count(r.requests)} requests, p50 {formatDuration(r.p50Ms)}, max{" "}
              {formatDuration(r.maxMs)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
