import type { NextConfig } from "next";

const config: NextConfig = {
  output: "standalone",
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: [
    "@appbase/bindings",
    "@appbase/db",
    "@appbase/grants",
    "@appbase/lakehouse",
    "@appbase/next-kit",
    "@appbase/ui",
  ],
  // Native / wasm-heavy drivers stay as Node requires instead of being bundled.
  serverExternalPackages: [
    "pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@electric-sql/pglite-pgvector",
    "@databricks/lakebase",
    // The local lakehouse's embedded DuckDB is a native module.
    "@duckdb/node-api",
    // LangGraph and its Postgres checkpointer load at runtime like any Node dependency.
    "@langchain/core",
    "@langchain/langgraph",
    "@langchain/langgraph-checkpoint",
    "@langchain/langgraph-checkpoint-postgres",
  ],
  turbopack: {
    // See src/server/no-tsx.ts: the kit never starts the local Lakebase itself.
    resolveAlias: { tsx: "./src/server/no-tsx.ts" },
  },
  poweredByHeader: false,
};

export default config;
