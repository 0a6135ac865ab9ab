import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NextConfig } from "next";
import { GOVERNANCE_MIGRATIONS_FROM_APP, KIT_MIGRATIONS_FROM_APP } from "./db/migration-paths.ts";
import { ACTION_BODY_LIMIT_BYTES } from "./proxy/request-guard.ts";

// Native or wasm-heavy drivers every kit may load: they stay Node requires instead of being bundled.
const SERVER_EXTERNAL = [
  "pg",
  "@electric-sql/pglite",
  "@electric-sql/pglite-socket",
  "@electric-sql/pglite-pgvector",
  "@databricks/lakebase",
  // The local lakehouse (a kit's Governance Writer opens it through @appbase/lakehouse); its native
  // bindings pick a platform package at run time, which a bundler cannot resolve.
  "@duckdb/node-api",
];

/**
 * Every kit's next.config: standalone output for Databricks Apps, the workspace packages it depends on
 * compiled with it (they export TypeScript source), and drivers left to Node. `serverExternalPackages`
 * adds the kit's own (e.g. a native module or LangGraph).
 */
export function kitNextConfig(
  options: { serverExternalPackages?: readonly string[]; kitDir?: string } = {},
): NextConfig {
  const pkg = JSON.parse(readFileSync(join(options.kitDir ?? process.cwd(), "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return {
    output: "standalone",
    transpilePackages: Object.keys(pkg.dependencies ?? {}).filter((name) => name.startsWith("@appbase/")),
    serverExternalPackages: [...SERVER_EXTERNAL, ...(options.serverExternalPackages ?? [])],
    poweredByHeader: false,
    experimental: {
      // One limit for server-action bodies; the kit's proxy (src/proxy.ts) answers larger ones with a 413.
      serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
      // The proxy sees a copy of the body up to this size: enough to tell that it is over the limit.
      proxyClientMaxBodySize: ACTION_BODY_LIMIT_BYTES + 1024,
    },
    // The kit applies its migrations on start (db/provision.ts), so the standalone output carries them.
    outputFileTracingIncludes: {
      "/**": [`./${KIT_MIGRATIONS_FROM_APP}/**/*`, `${GOVERNANCE_MIGRATIONS_FROM_APP}/**/*`],
    },
    // `pnpm test:all` has run tsc over the kit already; any other build checks types as usual.
    typescript: { ignoreBuildErrors: process.env.APPBASE_TYPECHECKED === "1" },
  };
}
