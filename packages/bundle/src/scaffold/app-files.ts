// The kit-specific files of a new kit: its declaration (kit.ts), matrix, drizzle table and migration,
// one domain function with its wrapped action and wrapper test, and the home page. The skeleton
// (skeleton-files.ts) is the same in every kit.
import type { KitNames } from "./kit-names.ts";
import { skeletonFiles } from "./skeleton-files.ts";
import type { StarterMigration } from "./starter-migration.ts";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
// Written into the new kit's test; spelled in parts so the layers check does not read this template
// as this package importing a testing entry.
const DB_TESTING = ["@appbase/db", "testing"].join("/");

function packageJson(n: KitNames): string {
  return json({
    name: `@appbase/${n.kit}`,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      build: "next build",
      typecheck: "tsc --noEmit",
      test: "vitest run --configLoader runner",
      "db:generate": "drizzle-kit generate",
    },
    dependencies: {
      "@appbase/bindings": "workspace:*",
      "@appbase/db": "workspace:*",
      "@appbase/grants": "workspace:*",
      "@appbase/next-kit": "workspace:*",
      "@appbase/telemetry": "workspace:*",
      "@appbase/ui": "workspace:*",
      "drizzle-orm": "catalog:",
      next: "catalog:",
      pg: "catalog:",
      react: "catalog:",
      "react-dom": "catalog:",
      "server-only": "catalog:",
      zod: "catalog:",
    },
    devDependencies: {
      "@appbase/tsconfig": "workspace:*",
      "@types/node": "catalog:",
      "@types/pg": "catalog:",
      "@types/react": "catalog:",
      "@types/react-dom": "catalog:",
      "drizzle-kit": "catalog:",
      typescript: "catalog:",
      vitest: "catalog:",
    },
    // bundles/<kit>/bundle.ts reads the kit's declaration.
    exports: { "./kit": "./kit.ts", "./app-env": "./src/app-env.ts" },
  });
}

function kitTs(n: KitNames): string {
  return `import { defineKit } from "@appbase/next-kit/define-kit";
import { ${n.camel}AppEnv } from "./src/app-env.ts";
import { ${n.camel} } from "./src/db/schema/${n.kit}-schema.ts";
import { ${n.camel}Matrix } from "./src/matrix.ts";

/** ${n.title}: every tool (CLI, bundle, e2e, the kit's own server) reads this. */
export default defineKit({
  id: ${JSON.stringify(n.kit)},
  title: ${JSON.stringify(n.title)},
  description: ${JSON.stringify(`${n.title}, built on the AppBase Starter.`)},
  port: ${n.port},
  schema: ${n.camel},
  matrix: ${n.camel}Matrix,
  appEnv: ${n.camel}AppEnv,
  // One person per role of the matrix; the first is the default.
  localUsers: [
    { id: "eve", email: "eve.editor@example.com", displayName: "Eve Editor", groups: ["${n.kit}-editors"] },
    { id: "vic", email: "vic.viewer@example.com", displayName: "Vic Viewer", groups: ["${n.kit}-viewers"] },
  ],
  nav: [{ href: "/", label: "Items" }],
  // Served tables from @appbase/datasets the kit reads (its bundle syncs them), e.g. [customers].
  servedTables: [],
});
`;
}

function appEnv(n: KitNames): string {
  return `import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";

/** Every resource ${n.title} binds in app.yaml; bundles/${n.kit}/bundle.ts generates the bundle from it. */
export const ${n.camel}AppEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: lakebaseEndpointBinding(),
  },
});
`;
}

function appEnvTest(n: KitNames): string {
  return `import { describe, expect, it } from "vitest";
import { ${n.camel}AppEnv } from "./app-env.ts";

describe("${n.kit} resources", () => {
  it("binds its Lakebase endpoint from the postgres resource", () => {
    expect(${n.camel}AppEnv.appYamlEnv()).toContainEqual({ name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" });
  });
});
`;
}

function matrixTs(n: KitNames): string {
  return `import { defineKitMatrix, principal } from "@appbase/grants";

const app = principal.app();
const editors = principal.group("${n.kit}-editors");

/** ${n.title}: who may do what (app checks, Unity Catalog and Lakebase grants), declared once. */
export const ${n.camel}Matrix = defineKitMatrix({
  kit: "${n.kit}",
  permissions: ["item.read", "item.write"],
  roles: {
    viewer: { description: "Reads items", groups: ["${n.kit}-viewers"], permissions: ["item.read"] },
    editor: {
      description: "Reads and writes items",
      groups: ["${n.kit}-editors"],
      permissions: ["item.read", "item.write"],
    },
  },
  groups: [
    { name: "${n.kit}-viewers", description: "Read-only users" },
    { name: "${n.kit}-editors", description: "Users who change items" },
  ],
  users: [],
  unityCatalog: {
    schemas: [{ name: "${n.schema}", description: "${n.title} governed records", managedByBundle: true }],
    grants: [
      {
        principal: app,
        on: { type: "schema", schema: "${n.schema}" },
        privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE"],
      },
      { principal: editors, on: { type: "schema", schema: "${n.schema}" }, privileges: ["USE_SCHEMA", "SELECT"] },
    ],
  },
  lakebase: {
    schemas: [{ name: "${n.schema}", authority: "lakebase", description: "${n.title} operational state" }],
    grants: [
      { principal: editors, schema: "${n.schema}", on: "schema", privileges: ["USAGE"] },
      { principal: editors, schema: "${n.schema}", on: "tables", privileges: ["SELECT"] },
    ],
  },
});
`;
}

function matrixTest(n: KitNames): string {
  return `import { describeAccessGrid } from "@appbase/grants/testing";
import { ${n.camel}Matrix } from "./matrix.ts";

describeAccessGrid(${n.camel}Matrix, {
  roles: ["viewer", "editor"],
  rows: {
    "item.read": "x x",
    "item.write": "- x",
  },
});
`;
}

function schemaTs(n: KitNames): string {
  return `import { pgSchema } from "drizzle-orm/pg-core";

/** The kit's own Postgres schema (authority: Lakebase); its drizzle-kit migrations live in drizzle/. */
export const ${n.camel} = pgSchema("${n.schema}");
`;
}

function itemsTs(n: KitNames): string {
  return `import { bigserial, integer, text, timestamp } from "drizzle-orm/pg-core";
import { ${n.camel} } from "./${n.kit}-schema.ts";

/** The Starter's table: rename it or add columns, then \`pnpm db:generate\` writes the migration. */
export const items = ${n.camel}.table("items", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  name: text("name").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
`;
}

function schemaIndex(n: KitNames): string {
  return `export { ${n.camel} } from "./${n.kit}-schema.ts";
export { items } from "./items.ts";
`;
}

function drizzleConfig(n: KitNames): string {
  return `import { defineConfig } from "drizzle-kit";

// Generates SQL migrations for the kit's own schema; served tables belong to @appbase/datasets.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["${n.schema}"],
  migrations: { schema: "${n.schema}", table: "__drizzle_migrations" },
});
`;
}

function domainItems(n: KitNames): string {
  return `import { type Queryable, rowOf } from "@appbase/db";
import { plainText } from "@appbase/next-kit/fields";
import { z } from "zod";
import { items } from "../db/schema/items.ts";

export type Item = typeof items.$inferSelect;

/** A new item, as the action validates it: a name of at most 200 characters. */
export const newItemInput = z.object({ name: plainText("name", 200, { min: 1 }) });

/** The newest items first, at most \`limit\`. */
export async function listItems(db: Queryable, limit = 100): Promise<Item[]> {
  const { rows } = await db.query("select * from ${n.schema}.items order by id desc limit $1", [limit]);
  return rows.map((row) => rowOf(items, row));
}

/** How many items there are. */
export async function countItems(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ count: number }>("select count(*)::int as count from ${n.schema}.items");
  return rows[0]?.count ?? 0;
}

/** Adds an item in one statement. */
export async function addItem(db: Queryable, input: z.output<typeof newItemInput>): Promise<Item> {
  const { rows } = await db.query("insert into ${n.schema}.items (name) values ($1) returning *", [input.name]);
  return rowOf(items, rows[0] ?? {});
}
`;
}

const ITEMS_ACTION = `"use server";

import { revalidatePath } from "next/cache";
import { addItem, newItemInput } from "../domain/items.ts";
import { db, defineAction } from "../server/kit.ts";

/** Adds an item; a missing, too long or malformed name comes back as a field error on \`name\`. */
export const addItemAction = defineAction({
  permission: "item.write",
  input: newItemInput,
  handler: async (input) => {
    const item = await addItem(await db(), input);
    revalidatePath("/");
    return item;
  },
});
`;

function itemsActionTest(n: KitNames): string {
  return `import { fileURLToPath } from "node:url";
import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { createTestDatabase, type TestDatabase } from "${DB_TESTING}";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The action runs as it does in Next: identity from the local switcher's cookie, then permission,
// then input, then the domain call on the kit's pool (here a fresh database with the kit's migrations).
const request = vi.hoisted(() => ({ user: "eve" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (name === LOCAL_IDENTITY_COOKIE ? { value: request.user } : undefined),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let database: TestDatabase;
let addItemAction: (typeof import("./items.ts"))["addItemAction"];

beforeAll(async () => {
  database = await createTestDatabase({
    migrations: [{ migrationsFolder: fileURLToPath(new URL("../../drizzle", import.meta.url)), owner: "${n.schema}" }],
  });
  vi.stubEnv("DATABASE_URL", database.url);
  ({ addItemAction } = await import("./items.ts"));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database?.close();
});

describe("addItemAction", () => {
  it("adds an item for an editor", async () => {
    request.user = "eve";
    const result = await addItemAction({ name: "  First item " });
    expect(result).toMatchObject({ ok: true, data: { name: "First item", version: 1 } });
    const { rows } = await database.pool.query("select name from ${n.schema}.items");
    expect(rows).toEqual([{ name: "First item" }]);
  });

  it("refuses a viewer, naming the permission", async () => {
    request.user = "vic";
    expect(await addItemAction({ name: "Not mine" })).toMatchObject({
      ok: false,
      error: { kind: "forbidden", permission: "item.write" },
    });
  });

  it.each([[""], ["x".repeat(201)], ["bad\\u0000name"], ["\\uD800"]])(
    "returns a field error on name for %j, writing nothing",
    async (name) => {
      request.user = "eve";
      const result = await addItemAction({ name });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.kind === "invalid" && result.error.fieldErrors.name?.length).toBeTruthy();
      const { rows } = await database.pool.query("select count(*)::int as n from ${n.schema}.items");
      expect(rows).toEqual([{ n: 1 }]);
    },
  );
});
`;
}

function page(n: KitNames): string {
  return `import { ErrorState } from "@appbase/ui/states";
import { countItems, listItems } from "../domain/items.ts";
import { can, db, identityOrReason } from "../server/kit.ts";

export const dynamic = "force-dynamic";

/** The Starter's home page: the kit's own table, read from Lakebase. */
export default async function Home() {
  const { identity } = await identityOrReason();
  if (!identity || !can(identity, "item.read"))
    return <ErrorState title="You cannot view items" message="Ask an admin to add you to a ${n.kit} group." />;
  const pool = await db();
  const [count, items] = await Promise.all([countItems(pool), listItems(pool, 20)]);
  return (
    <div>
      <h1>${n.title}</h1>
      <p>{count} items</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </div>
  );
}
`;
}

/** The files of a new kit's app (apps/<kit>), by path relative to the repository. */
export function appFiles(n: KitNames, migration: StarterMigration): Record<string, string> {
  const dir = `apps/${n.kit}`;
  const own: Record<string, string> = {
    "package.json": packageJson(n),
    "kit.ts": kitTs(n),
    "drizzle.config.ts": drizzleConfig(n),
    "drizzle/0000_initial.sql": migration.sql,
    "drizzle/meta/0000_snapshot.json": migration.snapshot,
    "drizzle/meta/_journal.json": migration.journal,
    "src/app-env.ts": appEnv(n),
    "src/app-env.test.ts": appEnvTest(n),
    "src/matrix.ts": matrixTs(n),
    "src/matrix.test.ts": matrixTest(n),
    "src/db/schema/index.ts": schemaIndex(n),
    [`src/db/schema/${n.kit}-schema.ts`]: schemaTs(n),
    "src/db/schema/items.ts": itemsTs(n),
    "src/domain/items.ts": domainItems(n),
    "src/actions/items.ts": ITEMS_ACTION,
    "src/actions/items.test.ts": itemsActionTest(n),
    "src/app/page.tsx": page(n),
    [`src/app/${n.kit}.css`]: `/* ${n.title}'s own styles; the shell's come from @appbase/ui/styles.css. */\n`,
  };
  const files = { ...skeletonFiles(n), ...own };
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [`${dir}/${path}`, text]));
}
