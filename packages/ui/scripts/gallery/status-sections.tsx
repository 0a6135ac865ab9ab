import { Banner, FreshnessBadge, StatusBadge } from "../../src/badges/index.ts";
import { Card, DetailList } from "../../src/layout/index.ts";
import { MaskedValue } from "../../src/masked-value/index.ts";
import { EnvironmentBadge } from "../../src/shell/index.ts";
import { ProgressBar } from "../../src/stats/index.ts";
import { minutesAgo } from "./sample-data.ts";

// What the server would send for a 15 min target and 1 h limit: fresh, stale, expired, never synced.
const FRESHNESS_SAMPLES = [
  { minutes: 4, state: "fresh" },
  { minutes: 42, state: "stale" },
  { minutes: 300, state: "expired" },
  { minutes: null, state: "expired" },
] as const;

import { Section } from "./section.tsx";

/** Badges, masking, banners, cards and progress. */
export function StatusSections() {
  return (
    <>
      <Section title="Badges, masking and banners">
        <div className="ab-grid">
          <div className="ab-card ab-stack" style={{ gap: 10 }}>
            <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
              <StatusBadge>Draft</StatusBadge>
              <StatusBadge tone="info">In review</StatusBadge>
              <StatusBadge tone="success">Resolved</StatusBadge>
              <StatusBadge tone="warning">On hold</StatusBadge>
              <StatusBadge tone="danger">Blocked</StatusBadge>
            </div>
            <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
              {FRESHNESS_SAMPLES.map(({ minutes, state }) => (
                <FreshnessBadge
                  key={minutes ?? "never"}
                  at={minutes === null ? null : minutesAgo(minutes)}
                  freshness={{ state, ageMs: minutes === null ? null : minutes * 60_000 }}
                  target={15 * 60_000}
                  limit={3_600_000}
                />
              ))}
            </div>
            <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
              <EnvironmentBadge mode="local" />
              <EnvironmentBadge mode="postgres" />
              <EnvironmentBadge mode="databricks-apps" />
              <EnvironmentBadge mode="local" detail="branch: preview-site-7" />
            </div>
          </div>
          <div className="ab-card">
            <table className="ab-mini-table" style={{ marginTop: 0, width: "100%" }}>
              <tbody>
                <tr>
                  <th>Email</th>
                  <td>
                    <MaskedValue masked value="j•••@example.com" permission="customer.pii.read" />
                  </td>
                </tr>
                <tr>
                  <th>Phone</th>
                  <td>
                    <MaskedValue masked value="+• (•••) •••-0142" permission="customer.pii.read" />
                  </td>
                </tr>
                <tr>
                  <th>Address</th>
                  <td>
                    <MaskedValue masked value="•••" permission="customer.pii.read" />
                  </td>
                </tr>
                <tr>
                  <th>Born</th>
                  <td>
                    <MaskedValue masked value="1985-••-••" permission="customer.pii.read" />
                  </td>
                </tr>
                <tr>
                  <th>Tax ID</th>
                  <td>
                    <MaskedValue masked permission="customer.tax.read" />
                  </td>
                </tr>
                <tr>
                  <th>Segment</th>
                  <td>
                    <MaskedValue masked={false} value="Enterprise" />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
        <div className="ab-stack" style={{ marginTop: 16, gap: 8 }}>
          <Banner title="Preview branch">
            You are looking at branch preview-site-7; writes go to the branch, not to main.
          </Banner>
          <Banner tone="danger" title="Lakebase is unreachable" action={{ href: "#", label: "Retry" }}>
            Showing the last synced snapshot. Check that the local platform is running (pnpm appbase up).
          </Banner>
        </div>
      </Section>
      <Section title="Cards, details and progress">
        <div className="ab-grid">
          <Card
            title="Amelia Hart"
            subtitle="C-10231 · Enterprise"
            actions={<StatusBadge tone="success">active</StatusBadge>}
          >
            <DetailList
              items={[
                { label: "Account owner", value: "Marcus Lee" },
                { label: "Region", value: "EMEA" },
                {
                  label: "Email",
                  value: <MaskedValue masked value="a•••@northwind.io" permission="customer.pii.read" />,
                },
                {
                  label: "Phone",
                  value: <MaskedValue masked value="+•• •• •••• 0958" permission="customer.pii.read" />,
                },
                { label: "Churn risk", value: "0.12 (low)" },
                { label: "Next renewal", value: null },
              ]}
            />
          </Card>
          <Card title="Synced tables" subtitle="local Lakebase · TRIGGERED">
            <div className="ab-stack" style={{ gap: 14 }}>
              <ProgressBar
                label="customer_360"
                value={50_000}
                max={50_000}
                unit="rows"
                tone="success"
                detail="Synced 4 min ago"
              />
              <ProgressBar
                label="risk_scores"
                value={12_400}
                max={50_000}
                unit="rows"
                detail="Copying changes since version 41"
              />
              <ProgressBar label="Staging bundle for customer-hub" detail="Resolving app.yaml resources…" />
            </div>
          </Card>
        </div>
      </Section>
    </>
  );
}
