import type { SyncedTableState } from "../../clients/synced-table-states.ts";
import { apiError, ok, type RouteModule } from "../route.ts";

/** The status fields of a synced table (platform reference §4.2). */
export interface SyncedTableStatus {
  detailed_state: SyncedTableState;
  pipeline_id?: string;
  /** RFC 3339. */
  last_sync_time?: string;
  last_processed_commit_version?: number;
  message?: string;
  project?: string;
}

export interface SyncedTableRoutes {
  routes: RouteModule[];
  /** Creates or replaces the status of `{catalog}.{schema}.{table}`. */
  set(fullName: string, status: SyncedTableStatus): void;
}

/**
 * `GET /api/2.0/postgres/synced_tables/{catalog}.{schema}.{table}` (Lakebase Autoscaling): the table's
 * `name` (`synced_tables/…`) and `status`; like every postgres GET, no `spec` (api-shapes §4.3).
 */
export function syncedTableRoutes(initial: Record<string, SyncedTableStatus> = {}): SyncedTableRoutes {
  const tables = new Map(Object.entries(initial));
  return {
    set: (fullName, status) => tables.set(fullName, status),
    routes: [
      {
        name: "postgres.get-synced-table",
        method: "GET",
        path: "/api/2.0/postgres/synced_tables/{full_name}",
        handle: ({ params }) => {
          const fullName = params.full_name ?? "";
          if (!/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/.test(fullName)) {
            return apiError(
              400,
              "INVALID_PARAMETER_VALUE",
              `'${fullName}' is not a {catalog}.{schema}.{table} name.`,
            );
          }
          const status = tables.get(fullName);
          if (!status) return apiError(404, "NOT_FOUND", `Synced table ${fullName} does not exist.`);
          return ok({ name: `synced_tables/${fullName}`, synced_table_id: fullName, status });
        },
      },
    ],
  };
}
