import type pg from "pg";

/**
 * What `appbase up` and `appbase seed` hand a kit's `seed` module (the kit manifest's `"seed"`),
 * after the served tables are synced and only when data is (re)seeded.
 */
export interface KitSeedContext {
  /** The database the kit runs on, with every migration applied. */
  pool: pg.Pool;
  /** The named scale of this seed (a numeric `--scale` maps to the nearest name). */
  scale: "tiny" | "default" | "large";
  /** The synthetic data's seed: same seed, same data. */
  seed: number;
  /** The local lakehouse folder (`<stateDir>/lakehouse`), as kits get it in APPBASE_LAKEHOUSE_DIR. */
  lakehouseDir: string;
  /** Prints one progress line, prefixed with the kit id. */
  log: (line: string) => void;
}

/** What a kit's seed reports, printed after it. */
export interface KitSeedResult {
  summary: string;
}

/** The function a kit's seed module exports as `seedKit`. */
export type SeedKit = (ctx: KitSeedContext) => Promise<KitSeedResult>;
