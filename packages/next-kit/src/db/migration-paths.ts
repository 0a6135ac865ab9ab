// Where a kit's start-up migrations live relative to its app folder (apps/<kit>, and the staged
// server's folder, which keeps the repository's layout). Read by the provisioning and by
// `kitNextConfig`, which makes the standalone build carry these folders.

/** The kit's own drizzle-kit output. */
export const KIT_MIGRATIONS_FROM_APP = "drizzle";

/** `@appbase/lakehouse`'s governance outbox migrations, for kits with governed tables. */
export const GOVERNANCE_MIGRATIONS_FROM_APP = "../../packages/lakehouse/src/governance/drizzle";
