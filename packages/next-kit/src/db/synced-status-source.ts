import { syncedTablesCatalogOf } from "@appbase/bindings";
import { appWorkspaceClient, getSyncedTable, missingAppPrincipal } from "@appbase/databricks";
import {
  type SqlQuery,
  type SyncedStatusSource,
  syncedStatusFromPlatform,
  syncedStatusFromPostgres,
} from "@appbase/db/synced-status";

type Env = Readonly<Record<string, string | undefined>> & { mode: string };

/**
 * Where a kit reads synced-table freshness: on Databricks Apps the platform's synced-table status
 * (the catalog derived from the bound Lakebase endpoint, asked as the app's service principal, cached
 * briefly); elsewhere the status table the local Synced Tables engine writes. One choice per process.
 */
export function createSyncedStatusSource(
  kit: string,
  env: () => Env,
): (pool: SqlQuery) => SyncedStatusSource {
  let platform: SyncedStatusSource | null | undefined;
  return (pool) => {
    if (platform === undefined) {
      const values = env();
      const catalog = values.mode === "apps" ? syncedTablesCatalogOf(kit, values) : undefined;
      if (catalog && missingAppPrincipal(values).length === 0) {
        const client = appWorkspaceClient(values);
        platform = syncedStatusFromPlatform({
          getSyncedTable: (name) => getSyncedTable(client, name),
          catalog,
        });
      } else {
        platform = null;
      }
    }
    return platform ?? syncedStatusFromPostgres(pool);
  };
}
