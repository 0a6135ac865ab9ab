import { z } from "zod";
import { formatRelative, type Instant, toDate } from "../internal/time.ts";

/** How current a copied value is relative to its service-level target. */
export type FreshnessState = "fresh" | "stale" | "expired";

export type FreshnessInput = {
  /** When the data was last synced/computed; null when it never was. */
  at: Instant | null;
  now: Instant;
  /** Age in ms up to which data counts as fresh. */
  target: number;
  /** Age in ms beyond which data is expired and should not be relied on. */
  limit: number;
};

export type Freshness = {
  state: FreshnessState;
  /** Age in ms (0 for timestamps in the future, e.g. small clock skew); null when never synced. */
  ageMs: number | null;
  /** "4 min ago", "just now" or "never". */
  ageText: string;
};

const durations = z
  .object({
    target: z.number().finite().nonnegative(),
    limit: z.number().finite().nonnegative(),
  })
  .refine((d) => d.limit >= d.target, {
    message: "limit must be at least target (both are ages in ms: fresh up to target, expired beyond limit)",
  });

/** Classifies an age against a target and a limit: fresh ≤ target < stale ≤ limit < expired. */
export function classifyFreshness(input: FreshnessInput): Freshness {
  const parsed = durations.safeParse({ target: input.target, limit: input.limit });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "limit";
    throw new Error(`classifyFreshness: ${field}: ${issue?.message ?? "invalid"}`);
  }
  if (input.at === null) return { state: "expired", ageMs: null, ageText: "never" };
  const at = toDate(input.at, "at");
  const now = toDate(input.now, "now");
  const ageMs = Math.max(0, now.getTime() - at.getTime());
  const state: FreshnessState = ageMs <= input.target ? "fresh" : ageMs <= input.limit ? "stale" : "expired";
  return { state, ageMs, ageText: formatRelative(new Date(now.getTime() - ageMs), now) };
}
