import { pgSchema } from "drizzle-orm/pg-core";

/** Postgres schemas mirroring the Unity Catalog gold schemas `appbase.<domain>`. */
export const customerSchema = pgSchema("customer");
export const agentsSchema = pgSchema("agents");
export const riskSchema = pgSchema("risk");
export const operationsSchema = pgSchema("operations");
