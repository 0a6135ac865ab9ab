import { kitNextConfig } from "@appbase/next-kit/next-config";

// The local lakehouse's DuckDB is a native module; LangGraph loads at runtime like any Node dependency.
export default kitNextConfig({
  serverExternalPackages: [
    "@duckdb/node-api",
    "@langchain/core",
    "@langchain/langgraph",
    "@langchain/langgraph-checkpoint",
    "@langchain/langgraph-checkpoint-postgres",
  ],
});
