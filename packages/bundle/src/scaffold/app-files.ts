import type { KitNames } from "./kit-names.ts";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function packageJson(n: KitNames): string {
  return json({
    name: `@appbase/${n.kit}`,
    version: "0.1.0",
    private: true,
    type: "module",
    appbase: {
      kit: n.kit,
      title: n.title,
      port: n.port,
      schema: n.schema,
      migrations: "drizzle",
      health: "/api/health",
    },
    // The bundle declaration (bundles/<kit>/bundle.ts) reads the kit's resources and grants from here.
    exports: { "./app-env": "./src/app-env.ts", "./grants": "./src/grants.ts" },
    scripts: {
      dev: `next dev -p ${n.port}`,
      build: "next build",
      start: `next start -p ${n.port}`,
      typecheck: "tsc --noEmit",
      test: "vitest run --configLoader runner",
    },
    dependencies: {
      "@appbase/bindings": "workspace:*",
      "@appbase/db": "workspace:*",
      "@appbase/grants": "workspace:*",
      "@appbase/next-kit": "workspace:*",
      next: "catalog:",
      pg: "catalog:",
      react: "catalog:",
      "react-dom": "catalog:",
      "server-only": "catalog:",
      zod: "catalog:",
    },
    devDependencies: {
      "@appbase/tsconfig": "workspace:*",
      "@appbase/vitest-config": "workspace:*",
      "@types/node": "catalog:",
      "@types/pg": "catalog:",
      "@types/react": "catalog:",
      "@types/react-dom": "catalog:",
      typescript: "catalog:",
      vitest: "catalog:",
    },
  });
}

const NEXT_CONFIG = `import type { NextConfig } from "next";

const config: NextConfig = {
  // A self-contained server that \`appbase bundle stage\` turns into the deployable folder.
  output: "standalone",
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: ["@appbase/bindings", "@appbase/db", "@appbase/grants", "@appbase/next-kit"],
  serverExternalPackages: ["pg", "@databricks/lakebase"],
  poweredByHeader: false,
};

export default config;
`;

const TSCONFIG = json({
  extends: "@appbase/tsconfig/next.json",
  include: ["next-env.d.ts", "src", "*.ts", ".next/types/**/*.ts"],
  exclude: ["node_modules", ".next"],
});

const VITEST = `import { appbaseVitestConfig } from "@appbase/vitest-config";

export default appbaseVitestConfig();
`;

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

function envTs(n: KitNames): string {
  return `import { readNextKitEnv } from "@appbase/next-kit/env";
import { ${n.camel}AppEnv } from "./app-env.ts";

/** The kit's validated environment; a missing or malformed variable fails here, naming it. */
export function serverEnv() {
  return { ...${n.camel}AppEnv.loadEnv(process.env), ...readNextKitEnv(process.env) };
}
`;
}

const DB_TS = `import "server-only";
import { createPool, type DbPool } from "@appbase/db";
import { serverEnv } from "../env.ts";

// One pool per server process: the local Lakebase, any Postgres, or Lakebase with OAuth tokens.
const globalForPool = globalThis as unknown as { kitPool?: Promise<DbPool> };

/** The kit's connection pool (see @appbase/db for the three modes). */
export function db(): Promise<DbPool> {
  // Validating first turns a missing binding into a message naming it, not a failed connection.
  serverEnv();
  globalForPool.kitPool ??= createPool().catch((error: unknown) => {
    globalForPool.kitPool = undefined;
    throw error;
  });
  return globalForPool.kitPool;
}
`;

function layout(n: KitNames): string {
  return `import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: ${JSON.stringify(n.title)} };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;
}

function page(n: KitNames): string {
  return `import { db } from "../server/db.ts";

export const dynamic = "force-dynamic";

/** The Starter's home page: the kit's own table, read from Lakebase. */
export default async function Home() {
  const { pool } = await db();
  const { rows } = await pool.query<{ count: number }>("select count(*)::int as count from ${n.schema}.items");
  return (
    <main>
      <h1>${n.title}</h1>
      <p>{rows[0]?.count ?? 0} items</p>
    </main>
  );
}
`;
}

function healthRoute(n: KitNames): string {
  return `// GET /api/health: database reachable, mode and version, for \`appbase up\` and the Apps runtime.
import { createHealthRoute } from "@appbase/next-kit/health";
import { db } from "../../../server/db.ts";

export const dynamic = "force-dynamic";

export const GET = createHealthRoute({
  kit: ${JSON.stringify(n.kit)},
  version: "0.1.0",
  mode: async () => (await db()).describe(),
  pingDatabase: async () => {
    await (await db()).pool.query("select 1");
  },
});
`;
}

function grantsTs(n: KitNames, matrixJson: string): string {
  return `import { defineKitMatrix } from "@appbase/grants";

/** ${n.title}: the single declaration of who may do what (app checks, UC and Lakebase grants). */
export const ${n.camel}Matrix = defineKitMatrix(${matrixJson.trim()});
`;
}

function migration(n: KitNames): string {
  return `CREATE SCHEMA IF NOT EXISTS "${n.schema}";
--> statement-breakpoint
CREATE TABLE "${n.schema}"."items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
`;
}

function journal(when: number): string {
  return json({
    version: "7",
    dialect: "postgresql",
    entries: [{ idx: 0, version: "7", when, tag: "0000_initial", breakpoints: true }],
  });
}

/** The files of a new kit's app (apps/<kit>), by path relative to the repository. */
export function appFiles(n: KitNames, options: { matrixJson: string; now: number }): Record<string, string> {
  const dir = `apps/${n.kit}`;
  return {
    [`${dir}/package.json`]: packageJson(n),
    [`${dir}/next.config.ts`]: NEXT_CONFIG,
    [`${dir}/tsconfig.json`]: TSCONFIG,
    [`${dir}/vitest.config.ts`]: VITEST,
    [`${dir}/src/app-env.ts`]: appEnv(n),
    [`${dir}/src/app-env.test.ts`]: appEnvTest(n),
    [`${dir}/src/env.ts`]: envTs(n),
    [`${dir}/src/grants.ts`]: grantsTs(n, options.matrixJson),
    [`${dir}/src/server/db.ts`]: DB_TS,
    [`${dir}/src/app/layout.tsx`]: layout(n),
    [`${dir}/src/app/page.tsx`]: page(n),
    [`${dir}/src/app/api/health/route.ts`]: healthRoute(n),
    [`${dir}/drizzle/0000_initial.sql`]: migration(n),
    [`${dir}/drizzle/meta/_journal.json`]: journal(options.now),
  };
}
