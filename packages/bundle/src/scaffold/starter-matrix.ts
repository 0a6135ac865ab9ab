import { defineKitMatrix, type KitMatrix } from "@appbase/grants";
import type { KitNames } from "./kit-names.ts";

/** The Starter's grant matrix for a new kit: viewers read items, editors write them, the app owns its schema. */
export function starterMatrix(names: KitNames): KitMatrix {
  return defineKitMatrix({
    kit: names.kit,
    permissions: ["item.read", "item.write"],
    roles: {
      viewer: { description: "Reads items", groups: [`${names.kit}-viewers`], permissions: ["item.read"] },
      editor: {
        description: "Reads and writes items",
        groups: [`${names.kit}-editors`],
        permissions: ["item.read", "item.write"],
      },
    },
    groups: [
      { name: `${names.kit}-viewers`, description: "Read-only users" },
      { name: `${names.kit}-editors`, description: "Users who change items" },
    ],
    users: [],
    unityCatalog: {
      schemas: [
        { name: names.schema, description: `${names.title} governed records`, managedByBundle: true },
      ],
      grants: [
        {
          principal: { kind: "app" },
          on: { type: "schema", schema: names.schema },
          privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE"],
        },
        {
          principal: { kind: "group", name: `${names.kit}-editors` },
          on: { type: "schema", schema: names.schema },
          privileges: ["USE_SCHEMA", "SELECT"],
        },
      ],
    },
    lakebase: {
      schemas: [
        { name: names.schema, authority: "lakebase", description: `${names.title} operational state` },
      ],
      grants: [
        {
          principal: { kind: "group", name: `${names.kit}-editors` },
          schema: names.schema,
          on: "schema",
          privileges: ["USAGE"],
        },
        {
          principal: { kind: "group", name: `${names.kit}-editors` },
          schema: names.schema,
          on: "tables",
          privileges: ["SELECT"],
        },
      ],
    },
  });
}
