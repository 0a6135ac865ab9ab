import { Banner } from "@appbase/ui/badges";
import { BarChart, DonutChart, FunnelChart } from "@appbase/ui/charts";
import { PageHeader } from "@appbase/ui/shell";
import { GeniePanel } from "../../components/genie-panel.tsx";
import { QueryProvider } from "../../components/query-provider.tsx";
import { SyncBanner } from "../../components/sync-banner.tsx";
import { readSynced } from "../../domain/freshness/synced-read.ts";
import { churnRiskDistribution, segmentMix, statusFunnel } from "../../domain/insights/insights.ts";
import { genieBinding } from "../../server/genie.ts";
import { can, db, pageViewer } from "../../server/kit.ts";
import { syncHealth } from "../../server/sync-health.ts";

const BAND_TONE = { low: "success", medium: "warning", high: "danger" } as const;

export default async function InsightsPage() {
  const reader = await pageViewer("customer.read", "customers");
  if (!reader.identity) return reader.refusal;
  const identity = reader.identity;
  const pool = await db();
  const [sync, segmentsRead, bandsRead, funnelRead] = await Promise.all([
    syncHealth(pool),
    readSynced(() => segmentMix(pool, identity), []),
    readSynced(() => churnRiskDistribution(pool, identity), []),
    readSynced(() => statusFunnel(pool, identity), { steps: [], churned: 0 }),
  ]);
  const [segments, bands, funnel] = [segmentsRead.value, bandsRead.value, funnelRead.value];
  const genie = genieBinding();
  return (
    <>
      <SyncBanner sync={sync} missing={segmentsRead.missing} />
      <PageHeader
        title="Insights"
        description="Where the customer base sits, and where the team's workflow stands."
      />
      <div className="ch-charts">
        <DonutChart
          title="Segment mix"
          data={segments.map((s) => ({ label: s.label.replace("_", " "), value: s.count }))}
          centerLabel="customers"
        />
        <BarChart
          title="Churn-risk distribution"
          valueLabel="Customers"
          data={bands.map((b) => ({
            label: b.label,
            value: b.count,
            tone: BAND_TONE[b.label as keyof typeof BAND_TONE] ?? "neutral",
          }))}
        />
        <FunnelChart
          title="Status funnel"
          description={`Customers who reached each stage or beyond; ${funnel.churned.toLocaleString("en-US")} churned.`}
          steps={funnel.steps.map((f) => ({ label: f.label, value: f.count }))}
        />
      </div>
      <section className="ch-card" aria-label="Ask about customers" style={{ marginTop: "1rem" }}>
        <h2>Ask about customers</h2>
        {!genie.bound ? (
          <Banner tone="info" title="Genie is not bound to this app">
            {genie.howToBind}
          </Banner>
        ) : can(identity, "genie.ask") ? (
          <QueryProvider>
            <GeniePanel />
          </QueryProvider>
        ) : (
          <p className="ab-muted">Your role cannot ask Genie (needs genie.ask).</p>
        )}
      </section>
    </>
  );
}
