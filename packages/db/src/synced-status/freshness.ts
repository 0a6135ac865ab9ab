/** How current a copied value is against its target. */
export type FreshnessState = "fresh" | "stale" | "expired";

/** Fresh up to `target` ms old, stale up to `limit`, expired beyond. */
export interface FreshnessTarget {
  target: number;
  limit: number;
}

export interface Freshness {
  state: FreshnessState;
  /** Age in ms (0 for a time slightly in the future: clock skew); null when never synced. */
  ageMs: number | null;
}

/** Classifies a value last synced or computed `at` (null: never) against its target at `now`. */
export function classifyFreshness(at: Date | null, now: Date, { target, limit }: FreshnessTarget): Freshness {
  if (!(target >= 0 && limit >= target)) {
    throw new Error(`freshness target ${target} ms and limit ${limit} ms: need 0 ≤ target ≤ limit`);
  }
  if (at === null) return { state: "expired", ageMs: null };
  if (Number.isNaN(at.getTime())) throw new Error("freshness: the sync time is not a valid date");
  const ageMs = Math.max(0, now.getTime() - at.getTime());
  const state = ageMs <= target ? "fresh" : ageMs <= limit ? "stale" : "expired";
  return { state, ageMs };
}
