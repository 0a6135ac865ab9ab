/**
 * The account managers who own the managed customer segments. Customer Hub's local account manager
 * (ann.manager@example.com) is one of them, so the local and e2e runs have assigned customers.
 */
export const accountManagers = [
  "ann.manager@example.com",
  "ben.manager@example.com",
  "chloe.manager@example.com",
  "dev.manager@example.com",
  "elif.manager@example.com",
  "femi.manager@example.com",
] as const;

/** Segments that get a named account manager; the rest are served by the contact centre (no assignment). */
export const managedSegments: ReadonlySet<string> = new Set(["premium", "vip", "small_business"]);
