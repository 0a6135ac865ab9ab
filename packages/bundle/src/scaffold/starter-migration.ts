import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { bigserial, integer, pgSchema, text, timestamp } from "drizzle-orm/pg-core";
import type { KitNames } from "./kit-names.ts";

/** The first drizzle-kit migration of a new kit: SQL, snapshot and journal, as `drizzle-kit generate` writes them. */
export interface StarterMigration {
  sql: string;
  snapshot: string;
  journal: string;
}

/** The Starter's schema and table in memory: the same declaration app-files.ts writes to src/db/schema. */
export function starterTables(n: Pick<KitNames, "schema">) {
  const schema = pgSchema(n.schema);
  const items = schema.table("items", {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  });
  return { schema, items };
}

/** Generates the migration with drizzle-kit's own differ, so a later `pnpm db:generate` continues from it. */
export async function starterMigration(n: Pick<KitNames, "schema">, now: number): Promise<StarterMigration> {
  const empty = generateDrizzleJson({});
  // The first migration follows no other, as drizzle-kit records it.
  const current = generateDrizzleJson(starterTables(n), "00000000-0000-0000-0000-000000000000", [n.schema]);
  const statements = (await generateMigration(empty, current)).map((statement) => statement.trim());
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    sql: `${statements.join("\n--> statement-breakpoint\n")}\n`,
    snapshot: json(current),
    journal: json({
      version: "7",
      dialect: "postgresql",
      entries: [{ idx: 0, version: "7", when: now, tag: "0000_initial", breakpoints: true }],
    }),
  };
}
