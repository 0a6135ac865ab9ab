import { Banner } from "../../src/badges/index.ts";
import { ButtonLink } from "../../src/forms/index.ts";
import { AppShell, PageHeader } from "../../src/shell/index.ts";
import { ChartSection } from "./chart-section.tsx";
import { DataSections } from "./data-sections.tsx";
import { kits, users } from "./sample-data.ts";
import { StatusSections } from "./status-sections.tsx";
import { WorkSections } from "./work-sections.tsx";

/** Every component with sample data, for looking at and for screenshot review. */
export function GalleryPage() {
  return (
    <AppShell
      productName="Customer Intelligence Hub"
      environment="local"
      kits={kits}
      identity={{ users, currentId: "u2", action: "/api/local-identity", fieldName: "userId" }}
      nav={[
        { href: "#", label: "Overview" },
        { href: "#", label: "Customers", current: true, count: 1204 },
        { href: "#", label: "Notes" },
        { href: "#", label: "Queue", count: 17 },
        { href: "#", label: "Freshness" },
      ]}
      banner={
        <Banner
          tone="warning"
          title="Serving data is 42 min behind"
          action={{ href: "#", label: "View sync status" }}
        >
          The customer_360 synced table last completed at 08:48 UTC; values below may be out of date.
        </Banner>
      }
    >
      <PageHeader
        title="Customers"
        description="Governed Customer 360, served from the synced gold table."
        actions={
          <>
            <ButtonLink href="#">Export CSV</ButtonLink>
            <ButtonLink href="#" variant="primary">
              New note
            </ButtonLink>
          </>
        }
      />
      <DataSections />
      <ChartSection />
      <StatusSections />
      <WorkSections />
    </AppShell>
  );
}
