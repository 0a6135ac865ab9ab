import { governedTable } from "@appbase/lakehouse/governance";
import { integer, pgSchema, text } from "drizzle-orm/pg-core";

const demo = pgSchema("demo");
const registry = demo.table("registry", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  version: integer("version").notNull(),
});

/** A fixture kit's governed tables, as a kit's `governed` module exports them. */
export const governedTables = [
  governedTable(registry, {
    silver: "appbase.demo.registry",
    bronze: "appbase.demo.registry_events",
    versionColumn: "version",
  }),
];
