import { Banner, formatAge } from "@appbase/ui/badges";
import type { SyncHealth, TableSync } from "../domain/freshness/sync-status.ts";

/** Why one table is not fresh, in words; null when it is. */
function tableReason(t: TableSync): string | null {
  const age = t.freshness.ageMs === null ? null : formatAge(t.freshness.ageMs);
  if (age === null) return `${t.table}: sync status unknown (no status row).`;
  if (t.broken) return `${t.table}: sync ${t.state}, last synced ${age}.`;
  if (t.freshness.state !== "fresh") return `${t.table}: last synced ${age}.`;
  return null;
}

/** The reasons the banner gives for a sync that is not ok. */
export function syncReasons(sync: SyncHealth): string[] {
  if (sync.unknownReason) return [sync.unknownReason];
  return sync.tables.map(tableReason).filter((reason) => reason !== null);
}

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
        Values below may be out of date. {syncReasons(sync).join(" ")}
      </Banner>
    );
  }
  return (
    <Banner tone="danger" title="Sync is stale: showing last known values, personal data masked">
      The synced customer data is past its freshness limit or its sync status is unknown, so this page shows
      the last values it has and masks every personal field for everyone until the sync recovers.{" "}
      {syncReasons(sync).join(" ")}
    </Banner>
  );
}
