import { defineAppEnv } from "@appbase/bindings";
import { pgSchema } from "drizzle-orm/pg-core";
import { defineKit } from "../define-kit.ts";
import { sampleMatrix } from "./sample-matrix.ts";

/** A kit declared on the sample matrix, for discovery tests that write kit.ts files elsewhere. */
export function fixtureKit(id: string, port: number) {
  return defineKit({
    id,
    title: "Fixture",
    description: "A kit for tests.",
    port,
    schema: pgSchema("fixture"),
    matrix: { ...sampleMatrix, kit: id },
    appEnv: defineAppEnv({ bindings: {} }),
    localUsers: [
      { id: "vic", email: "vic@example.com", displayName: "Vic", groups: ["customer-hub-viewers"] },
    ],
    nav: [{ href: "/", label: "Home" }],
    servedTables: [],
  });
}
