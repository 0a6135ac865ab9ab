import type pg from "pg";
import type { Kit } from "../kits.ts";

// Which kits have seeded their state for which load of the synthetic data. A kit's seed runs once per
// load, also when the kit is started later than the others (`appbase up --kits a`, then `up`), and
// the data it refers to is reloaded with `seed --force`.
const DDL = `CREATE TABLE IF NOT EXISTS appbase_meta.kit_seeds (
  kit text NOT NULL,
  run_id bigint NOT NULL,
  seeded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kit, run_id)
)`;

/** The kits with a seed that has not run for load `runId`. */
export async function kitsAwaitingSeed(db: pg.Pool, kits: readonly Kit[], runId: number): Promise<Kit[]> {
  const seeding = kits.filter((kit) => kit.seed);
  if (seeding.length === 0) return [];
  await db.query(DDL);
  const { rows } = await db.query<{ kit: string }>(
    "SELECT kit FROM appbase_meta.kit_seeds WHERE run_id = $1 AND kit = ANY($2::text[])",
    [runId, seeding.map((kit) => kit.id)],
  );
  const done = new Set(rows.map((row) => row.kit));
  return seeding.filter((kit) => !done.has(kit.id));
}

/** Records that `kit` seeded its state for load `runId`. */
export async function recordKitSeed(db: pg.Pool, kit: Kit, runId: number): Promise<void> {
  await db.query(DDL);
  await db.query("INSERT INTO appbase_meta.kit_seeds (kit, run_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
    kit.id,
    runId,
  ]);
}
