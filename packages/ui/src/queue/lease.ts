import { formatRelative, type Instant, toDate } from "../internal/time.ts";

/** Who holds a queue item and for how long. */
export type ClaimState =
  | { kind: "unclaimed" }
  | { kind: "held"; owner: string; expiresInMs: number; text: string }
  | { kind: "expired"; owner: string; expiredForMs: number; text: string };

/** Describes a claim: unclaimed, held ("lease expires in 3 min") or expired (free to reclaim). */
export function describeClaim(
  claimedBy: string | null | undefined,
  leaseExpiresAt: Instant | null | undefined,
  now: Instant,
): ClaimState {
  if (!claimedBy) return { kind: "unclaimed" };
  const nowDate = toDate(now, "now");
  if (leaseExpiresAt === null || leaseExpiresAt === undefined) {
    // A claim without a lease never lapses on its own.
    return { kind: "held", owner: claimedBy, expiresInMs: Number.POSITIVE_INFINITY, text: "no lease expiry" };
  }
  const expires = toDate(leaseExpiresAt, "leaseExpiresAt");
  const delta = expires.getTime() - nowDate.getTime();
  if (delta > 0) {
    return {
      kind: "held",
      owner: claimedBy,
      expiresInMs: delta,
      text: `lease expires ${formatRelative(expires, nowDate)}`,
    };
  }
  return {
    kind: "expired",
    owner: claimedBy,
    expiredForMs: -delta,
    text: `lease expired ${formatRelative(expires, nowDate)}`,
  };
}
