import { Banner } from "@appbase/ui/badges";
import type { SyncHealth } from "../domain/freshness/sync-status.ts";

/** Page-level notice when the synced data is behind, missing, or when the page runs in masked-safe fallback. */
export function SyncBanner({ sync, missing = false }: { sync: SyncHealth; missing?: boolean }) {
  if (missing) {
    return (
      <Banner tone="danger" title="Synced customer data is not available">
        The served customer tables are not in this Lakebase yet (or were removed). The team's own notes,
        statuses and history still work; customer details appear once the Synced Tables have run.
      </Banner>
    );
  }
  if (sync.level === "ok") return null;
  if (sync.level === "behind") {
    return (
      <Banner tone="warning" title="Customer data is behind its sync target">
        Values below may be out of date. {sync.reasons.join(" ")}
      </Banner>
    );
  }
  return (
    <Banner tone="danger" title="Sync is stale: showing last known values, personal data masked">
      The synced customer data is past its freshness limit or its sync status is unknown, so this page shows
      the last values it has and masks every personal field for everyone until the sync recovers.{" "}
      {sync.reasons.join(" ")}
    </Banner>
  );
}
