import { defineAppEnv } from "@appbase/bindings";
import { defineKitMatrix } from "@appbase/grants";
import { defineKit, type KitDeclaration } from "@appbase/next-kit/define-kit";
import { pgSchema } from "drizzle-orm/pg-core";

/** A minimal kit for the CLI's tests: one role, no resources, its own schema; governed and seed as given. */
export function fixtureKit(
  options: { id: string; title: string; port: number } & Pick<KitDeclaration, "governed" | "seed">,
) {
  return defineKit({
    ...options,
    description: `${options.title}, a fixture of the CLI's tests`,
    schema: pgSchema(options.id),
    matrix: defineKitMatrix({
      kit: options.id,
      permissions: ["item.read"],
      roles: {
        viewer: { description: "Reads", groups: [`${options.id}-viewers`], permissions: ["item.read"] },
      },
      groups: [{ name: `${options.id}-viewers`, description: "Viewers" }],
      users: [],
      unityCatalog: { schemas: [], grants: [] },
      lakebase: { schemas: [], grants: [] },
    }),
    appEnv: defineAppEnv({ bindings: {} }),
    localUsers: [
      { id: "vic", email: "vic@example.com", displayName: "Vic", groups: [`${options.id}-viewers`] },
    ],
    nav: [{ href: "/items", label: "Items" }],
    servedTables: [],
  });
}
