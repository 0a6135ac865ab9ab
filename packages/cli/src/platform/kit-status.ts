import { runningBranch } from "@appbase/bindings";
import { classifyFreshness, type Freshness, syncedStatusFromPostgres } from "@appbase/db/synced-status";
import { getTableConfig } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Kit } from "../kits.ts";

/** What the home page shows of one running kit. */
export interface KitStatus {
  id: string;
  title: string;
  url: string;
  health: { ok: boolean; detail: string };
  branch: string;
  /** The oldest last sync among the kit's served tables; null when it serves none. */
  freshness: (Freshness & { tables: number; neverSynced: number }) | null;
}

// Served tables are refreshed from gold on each start and by `appbase sync run`: a day is stale.
const FRESHNESS = { target: 24 * 3_600_000, limit: 7 * 24 * 3_600_000 };

/** Health (the kit's own health route), branch and served-data freshness of one kit, never throwing. */
export async function kitStatus(
  kit: Kit,
  url: string,
  db: pg.Pool,
  env: Record<string, string | undefined>,
): Promise<KitStatus> {
  const [health, freshness] = await Promise.all([healthOf(`${url}${kit.health}`), freshnessOf(kit, db)]);
  return {
    id: kit.id,
    title: kit.title,
    url,
    health,
    branch: runningBranch(env)?.name ?? "default branch",
    freshness,
  };
}

async function healthOf(url: string): Promise<KitStatus["health"]> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    const report = (await response.json().catch(() => ({}))) as {
      status?: string;
      schema?: { error?: string };
    };
    return response.ok
      ? { ok: true, detail: report.status ?? "ok" }
      : { ok: false, detail: report.schema?.error ?? `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

async function freshnessOf(kit: Kit, db: pg.Pool): Promise<KitStatus["freshness"]> {
  const tables = kit.servedTables.map((t) => {
    const config = getTableConfig(t);
    return `${config.schema ?? "public"}.${config.name}`;
  });
  if (tables.length === 0) return null;
  const read = await syncedStatusFromPostgres(db)
    .read(tables)
    .catch(() => ({ known: false as const }));
  if (!read.known)
    return { state: "expired", ageMs: null, tables: tables.length, neverSynced: tables.length };
  const times = read.tables.map((t) => t.lastSyncTime);
  const neverSynced = times.filter((t) => t === null).length;
  const synced = times.filter((t): t is Date => t !== null);
  // Never-synced tables make the kit's data as old as can be: the oldest sync is "none".
  const oldest = neverSynced > 0 ? null : new Date(Math.min(...synced.map(Number)));
  return { ...classifyFreshness(oldest, new Date(), FRESHNESS), tables: tables.length, neverSynced };
}
